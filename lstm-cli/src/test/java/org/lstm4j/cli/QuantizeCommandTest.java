package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstm4j.api.DataSpec;
import org.lstm4j.core.BundleFormat;
import org.lstm4j.core.Forecast;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.cli.serve.TrainedBundles;
import org.lstm4j.data.ChronologicalSplit;
import org.lstm4j.data.CsvSeriesReader;
import org.lstm4j.data.Series;
import org.lstm4j.core.PreparedData;

/** {@code lstm quantize} on bundles trained by {@code lstm train}, read back by {@code ModelBundle.load}. */
class QuantizeCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"uni", "attention", "bilstm"})
    void writesAVersion2BundleWithInt8WeightsThatForecastsNearlyAsTheFloatOne(String name) throws IOException {
        Path source = bundle(name);
        Path target = dir.resolve(name + "-q.zip");
        CliRun run = CliRun.of("quantize", source.toString(), "--output", target.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("int8 bundle written to " + target).contains("weights (bytes)");

        BundleFormat before = ModelBundle.describe(source);
        BundleFormat after = ModelBundle.describe(target);
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.int8()).isTrue();
        assertThat(before.version()).isEqualTo(1);
        assertThat((double) after.weightBytes() / before.weightBytes()).as("int8 weights against float32 (hidden 8: 4 bytes of scale per 9-16 weights)")
                .isLessThan(0.45);

        LoadedModel floats = ModelBundle.load(source);
        LoadedModel int8 = ModelBundle.load(target);
        DataSpec data = floats.spec().data();
        Series series = CsvSeriesReader.read(TrainedBundles.HISTORY, ',', "year", PreparedData.usedColumns(data), data.missing());
        ChronologicalSplit.Part test = ChronologicalSplit.of(series.length(), data.split()).test();
        Forecast a = floats.forecast(series, test);
        Forecast b = int8.forecast(series, test);
        double largest = 0;
        boolean differ = false;
        for (int i = 0; i < a.predicted().length; i++) {
            for (int k = 0; k < a.predicted()[i].length; k++) {
                largest = Math.max(largest, Math.abs(a.predicted()[i][k] - b.predicted()[i][k]));
                differ |= a.predicted()[i][k] != b.predicted()[i][k];
            }
        }
        assertThat(differ).as("the int8 network has other weights").isTrue();
        assertThat(largest).as("largest forecast change, the series spans about 40").isLessThan(0.4);
        floats.model().close();
        int8.model().close();
    }

    @Test
    void defaultOutputSitsBesideTheBundle() {
        assertThat(SiblingFiles.beside(Path.of("runs/x/model.zip"), "-int8.zip")).isEqualTo(Path.of("runs/x/model-int8.zip"));
        assertThat(SiblingFiles.beside(Path.of("model.pt"), ".zip")).isEqualTo(Path.of("model.zip"));
        assertThat(SiblingFiles.beside(Path.of("d/bundle"), ".onnx")).isEqualTo(Path.of("d/bundle.onnx"));
    }

    @Test
    void anInt8BundleIsNotQuantizedAgain() {
        Path target = dir.resolve("q.zip");
        assertThat(CliRun.of("quantize", bundle("uni").toString(), "-o", target.toString()).exitCode()).isZero();
        CliRun again = CliRun.of("quantize", target.toString(), "-o", dir.resolve("qq.zip").toString());
        assertThat(again.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(again.err().strip()).isEqualTo("lstm quantize: " + target + ": the bundle's weights are int8 already");
        assertThat(dir.resolve("qq.zip")).doesNotExist();
    }

    @Test
    void aFileThatIsNotABundleGetsOneLineAndExitCode2() throws IOException {
        Path notBundle = Files.writeString(dir.resolve("model.zip"), "not a zip");
        CliRun run = CliRun.of("quantize", notBundle.toString());
        assertThat(run.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("lstm quantize: " + notBundle + ": not ");
    }

    @Test
    void aTruncatedInt8EntryIsNamedWhenTheBundleLoads() throws IOException {
        Path target = dir.resolve("q.zip");
        assertThat(CliRun.of("quantize", bundle("uni").toString(), "-o", target.toString()).exitCode()).isZero();
        Path broken = dir.resolve("broken.zip");
        BundleEdits.rewrite(target, broken, "weights.int8", bytes -> Arrays.copyOf(bytes, bytes.length / 2));
        CliRun run = CliRun.of("predict", broken.toString(), "--input", TrainedBundles.HISTORY.toString());
        assertThat(run.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .matches("lstm predict: " + java.util.regex.Pattern.quote(broken.toString())
                        + ": corrupt model bundle: entry weights.int8 has \\d+ bytes, format.json says \\d+");
    }

    @Test
    void aBundleOfAFutureFormatVersionIsRefusedNamingTheVersionsThisLstm4jReads() throws IOException {
        Path future = dir.resolve("future.zip");
        BundleEdits.rewrite(bundle("uni"), future, "format.json", bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"format_version\" : 1", "\"format_version\" : 3").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun run = CliRun.of("quantize", future.toString());
        assertThat(run.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("lstm quantize: " + future
                + ": bundle format version 3 is not supported; this lstm4j reads versions 1 to 2");
    }

    private static Path bundle(String name) {
        return switch (name) {
            case "uni" -> TrainedBundles.UNI;
            case "attention" -> TrainedBundles.ATTENTION;
            case "bilstm" -> TrainedBundles.BILSTM;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
