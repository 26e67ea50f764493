package org.lstm4j.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lstm4j.core.BundleException;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.core.quantize.Int8WeightsFormat;

/**
 * The bundle reader on any bytes (its corpus starts from real bundles, float and int8): a model or its documented
 * {@link BundleException} naming the file; the int8 weights entry reader: weights or an {@link IOException}.
 */
class BundleFuzzTest {
    private static final Path FILE = FuzzFiles.temporary(".zip");

    @FuzzTest(maxDuration = "5m")
    void loadsOrRefusesNamingTheFile(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        try {
            LoadedModel model = ModelBundle.load(FILE);
            model.model().close();
        } catch (BundleException expected) {
            assertThat(expected.getMessage()).startsWith(FILE.toString());
        }
    }

    @FuzzTest(maxDuration = "5m")
    void readsInt8WeightsOrRefuses(byte[] bytes) {
        try {
            assertThat(Int8WeightsFormat.read(bytes).tensors()).isNotEmpty();
        } catch (IOException expected) {
            assertThat(expected.getMessage()).startsWith("weights.int8");
        }
    }
}
