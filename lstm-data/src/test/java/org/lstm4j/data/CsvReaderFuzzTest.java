package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lstm4j.api.DataSpec;

/**
 * The CSV reader on any bytes: it returns a series whose columns have one length, or throws its documented
 * {@link DataException}; never another exception, a hang or unbounded memory. Runs its corpus as a regression test
 * in every build; {@code docs/reliability.md} says how to fuzz it for longer.
 */
class CsvReaderFuzzTest {
    private static final Path FILE = temporaryFile();

    @FuzzTest(maxDuration = "5m")
    void readsASeriesOrRefusesWithADataException(FuzzedDataProvider data) throws IOException {
        char delimiter = data.pickValue(new Character[] {',', ';', '\t'});
        DataSpec.MissingPolicy missing = data.pickValue(DataSpec.MissingPolicy.values());
        boolean timed = data.consumeBoolean();
        Files.write(FILE, data.consumeRemainingAsBytes());
        try {
            List<String> header = CsvSeriesReader.readHeader(FILE, delimiter);
            assertThat(header).isNotNull();
            Series series = CsvSeriesReader.read(FILE, delimiter, timed ? "t" : null, List.of("y"), missing);
            for (double[] column : series.values()) {
                assertThat(column).hasSize(series.length());
            }
        } catch (DataException expected) {
            assertThat(expected.getMessage()).startsWith(FILE.toString());
        }
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("lstm4j-fuzz", ".csv");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
