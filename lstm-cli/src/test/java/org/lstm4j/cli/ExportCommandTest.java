package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.cli.serve.TrainedBundles;

/** {@code lstm export} on a bundle trained by {@code lstm train}: the file it writes, what it prints, its bad input. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheOnnxFileBesideTheBundleAndItForecastsWhatLstmPredictForecasts() throws Exception {
        Path onnx = TrainedBundles.DIFF.resolveSibling("model.onnx");
        Files.deleteIfExists(onnx);
        CliRun export = CliRun.of("export", TrainedBundles.DIFF.toString(), "--format", "onnx");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(onnx).exists();
        assertThat(export.out()).startsWith("wrote " + onnx + " (" + String.format(java.util.Locale.ROOT, "%,d", Files.size(onnx)) + " bytes, ONNX opset 17)")
                .contains("input   input     float32 [-1, 6, 2]     columns x, y in the data's units")
                .contains("output  forecast  float32 [-1, 3]        forecasts of y in the data's units");

        assertForecastsAsLstmPredict(onnx, TrainedBundles.DIFF);
    }

    @Test
    void anInt8BundleExportsItsDequantizedNetwork() throws Exception {
        Path int8 = dir.resolve("bilstm-int8.zip");
        CliRun quantize = CliRun.of("quantize", TrainedBundles.BILSTM.toString(), "--output", int8.toString());
        assertThat(quantize.exitCode()).as(quantize.err()).isZero();
        CliRun export = CliRun.of("export", int8.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertForecastsAsLstmPredict(dir.resolve("bilstm-int8.onnx"), int8);
    }

    /** ONNX Runtime's forecast from the last window of the history is {@code lstm predict}'s, within 1e-5 relative. */
    private static void assertForecastsAsLstmPredict(Path onnx, Path bundle) throws Exception {
        CliRun predict = CliRun.of("predict", bundle.toString(), "--input", TrainedBundles.HISTORY.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        double[] predicted = predict.out().lines().skip(1).mapToDouble(line -> Double.parseDouble(line.split(",")[1])).toArray();
        float[] forecast = runLastWindow(onnx, TrainedBundles.HISTORY);
        assertThat(forecast).hasSize(predicted.length);
        for (int k = 0; k < predicted.length; k++) {
            assertThat(Math.abs(forecast[k] - predicted[k]) / Math.abs(predicted[k])).as("step " + k).isLessThan(1e-5);
        }
    }

    /** The forecast ONNX Runtime computes from the last rows of {@code csv}, in the columns the file's metadata names. */
    static float[] runLastWindow(Path onnx, Path csv) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(onnx.toString(), options)) {
            Map<String, String> metadata = session.getMetadata().getCustomMetadata();
            List<String> columns = Arrays.asList(new ObjectMapper().readValue(metadata.get("columns"), String[].class));
            int steps = Integer.parseInt(metadata.get("steps"));
            List<String> lines = Files.readAllLines(csv);
            List<String> header = Arrays.asList(lines.get(0).split(","));
            float[] window = new float[steps * columns.size()];
            for (int t = 0; t < steps; t++) {
                String[] cells = lines.get(lines.size() - steps + t).split(",");
                for (int c = 0; c < columns.size(); c++) {
                    window[t * columns.size() + c] = Float.parseFloat(cells[header.indexOf(columns.get(c))]);
                }
            }
            try (OnnxTensor input = OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(window), new long[] {1, steps, columns.size()});
                 OrtSession.Result result = session.run(Map.of("input", input))) {
                return ((float[][]) result.get("forecast").orElseThrow().getValue())[0];
            }
        }
    }

    @Test
    void writesWhereOutputSays() throws Exception {
        Path onnx = dir.resolve("out/attention.onnx");
        CliRun export = CliRun.of("export", TrainedBundles.ATTENTION.toString(), "--output", onnx.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.size(onnx)).isPositive();
        assertThat(export.out()).contains("[-1, 6, 2]").contains("columns y, x");
    }

    @Test
    void aFileThatIsNotABundleIsOneLineAndExitCode2AndWritesNothing() throws Exception {
        Path notABundle = dir.resolve("notes.zip");
        Files.writeString(notABundle, "not a zip");
        CliRun export = CliRun.of("export", notABundle.toString());
        assertThat(export.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(export.err().lines()).singleElement().asString().startsWith("lstm export: " + notABundle + ": not ");
        assertThat(dir.resolve("notes.onnx")).doesNotExist();
    }

    @Test
    void anUnknownFormatIsOneLineListingTheFormats() {
        Path onnx = dir.resolve("model.torchscript");
        CliRun export = CliRun.of("export", TrainedBundles.UNI.toString(), "--format", "torchscript", "--output", onnx.toString());
        assertThat(export.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(export.err()).isEqualTo("lstm export: --format torchscript is not supported; formats: onnx" + System.lineSeparator());
        assertThat(onnx).doesNotExist();
    }

    @Test
    void aMissingBundleIsNamed() {
        Path missing = dir.resolve("missing.zip");
        CliRun export = CliRun.of("export", missing.toString());
        assertThat(export.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(export.err()).isEqualTo("lstm export: " + missing + ": no such file" + System.lineSeparator());
    }
}
