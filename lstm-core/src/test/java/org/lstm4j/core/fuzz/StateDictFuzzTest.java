package org.lstm4j.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lstm4j.core.exchange.torch.ImportException;
import org.lstm4j.core.exchange.torch.StateDictReader;

/**
 * The PyTorch state_dict reader on any bytes (its corpus starts from the fixtures of {@code bench/torch_import}, a
 * hostile pickle among them): named tensors, or the documented {@link ImportException} naming the file; never
 * another exception, a hang or unbounded memory (limits on pickle depth, memo, strings and storage sizes).
 */
class StateDictFuzzTest {
    private static final Path FILE = FuzzFiles.temporary(".pt");

    @FuzzTest(maxDuration = "5m")
    void readsTensorsOrRefusesNamingTheFile(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        try {
            assertThat(StateDictReader.read(FILE).tensors()).isNotNull();
        } catch (ImportException expected) {
            assertThat(expected.getMessage()).startsWith(FILE.toString());
        }
    }
}
