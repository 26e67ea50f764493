package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lstm import} end to end on the PyTorch fixtures of bench/torch_import: import, then {@code lstm predict} on
 * the bundle forecasts what PyTorch forecast (within 1e-5 relative, in the data's units); every bad input is one line
 * and exit code 2.
 */
class ImportCommandTest {
    static final Path FIXTURES = TorchFixtures.DIR;

    @TempDir
    Path dir;

    /** {@code lstm predict BUNDLE --input data.csv --steps 3} forecasts what PyTorch forecast for fixture {@code model}. */
    private static void predictsPyTorchsForecast(Path bundle, String model) throws IOException {
        CliRun run = CliRun.of("predict", bundle.toString(), "--input", FIXTURES.resolve("data.csv").toString(), "--steps", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        double[] forecast = run.out().lines().skip(1).mapToDouble(line -> Double.parseDouble(line.split(",")[1])).toArray();
        assertThat(forecast).hasSize(TorchFixtures.torchForecast(model).length);
        TorchFixtures.assertForecastsAsPyTorch(forecast, model, "lstm predict");
    }

    @Test
    void anImportedLstmModelForecastsWhatPyTorchForecast() throws IOException {
        Path bundle = dir.resolve("lstm2.zip");
        CliRun run = TorchFixtures.importFixture("lstm2", bundle);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).endsWith("lstm2.pt: 10 tensors: lstm, 2 x 8 units, reading [y, x], forecasting 3 step(s); 923 parameters");
        assertThat(lines.get(1)).isEqualTo("scalers [y, x]: from " + FIXTURES.resolve("scaler.json"));
        assertThat(lines.get(2)).isEqualTo("bundle written to " + bundle);
        assertThat(lines.get(3)).startsWith("forecast after the last row of data.csv: 160: 36.66");
        assertThat(lines.get(4)).isEqualTo("check it on the experiment's test part: lstm evaluate " + bundle);
        CliRun evaluate = CliRun.of("evaluate", bundle.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("rmse");
        predictsPyTorchsForecast(bundle, "lstm2");
    }

    @Test
    void anImportedAttentionModelFeedsItsForecastsBackAsPyTorchDid() throws IOException {
        Path bundle = dir.resolve("attention.zip");
        CliRun run = TorchFixtures.importFixture("attention", bundle);
        assertThat(run.exitCode()).as(run.err()).isZero();
        predictsPyTorchsForecast(bundle, "attention"); // horizon 1: three steps fed back, as PyTorch's were
    }

    @Test
    void aBilstmReadingHnImportsUnderItsOption() throws IOException {
        Path bundle = dir.resolve("bilstm.zip");
        CliRun refused = TorchFixtures.importFixture("bilstm_hn", bundle);
        assertThat(refused.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(Files.exists(bundle)).isFalse();
        CliRun run = TorchFixtures.importFixture("bilstm_hn", bundle, "--bilstm-reads-h-n");
        assertThat(run.exitCode()).as(run.err()).isZero();
        predictsPyTorchsForecast(bundle, "bilstm_hn");
    }

    @Test
    void anImportedBundleExportsToOnnxThatForecastsWhatPyTorchForecast() throws Exception {
        for (String model : List.of("lstm2", "attention")) {
            Path bundle = dir.resolve(model + ".zip");
            assertThat(TorchFixtures.importFixture(model, bundle).exitCode()).isZero();
            CliRun export = CliRun.of("export", bundle.toString(), "--format", "onnx");
            assertThat(export.exitCode()).as(export.err()).isZero();
            float[] onnx = ExportCommandTest.runLastWindow(dir.resolve(model + ".onnx"), FIXTURES.resolve("data.csv"));
            double[] forecast = new double[onnx.length];
            for (int k = 0; k < onnx.length; k++) {
                forecast[k] = onnx[k];
            }
            TorchFixtures.assertForecastsAsPyTorch(forecast, model, "ONNX Runtime"); // attention has horizon 1: its first step
        }
    }

    @Test
    void withoutAScalerFileTheDefaultOutputSitsBesideTheStateDict() throws IOException {
        Path pt = Files.copy(FIXTURES.resolve("lstm1.pt"), dir.resolve("model.pt"));
        CliRun run = CliRun.of("import", pt.toString(), "--experiment", FIXTURES.resolve("lstm1.yaml").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("scalers [y, x]: fitted on the experiment's train part, as lstm train fits them")
                .contains("bundle written to " + dir.resolve("model.zip"));
        assertThat(Files.size(dir.resolve("model.zip"))).isPositive();
    }

    @Test
    void everyBadInputIsOneLineAndExitCodeTwo() throws IOException {
        byte[] good = Files.readAllBytes(FIXTURES.resolve("lstm2.pt"));
        Path truncated = Files.write(dir.resolve("truncated.pt"), Arrays.copyOf(good, good.length / 2));
        Path text = Files.writeString(dir.resolve("notes.pt"), "not a model\n");
        Path wrongShapes = Files.writeString(dir.resolve("wide.yaml"), Files.readString(FIXTURES.resolve("lstm2.yaml"))
                .replace("csv: data.csv", "csv: " + FIXTURES.resolve("data.csv").toAbsolutePath()).replace("hidden_size: 8", "hidden_size: 16"));
        Path partialScaler = Files.writeString(dir.resolve("scaler.json"), "{\"y\": {\"type\": \"minmax\", \"min\": 0, \"max\": 100}}");
        Path yaml = FIXTURES.resolve("lstm2.yaml");
        Object[][] cases = {
                {truncated, yaml, null, truncated + ": the file is truncated or corrupt ("},
                {FIXTURES.resolve("whole_module.pt"), yaml, null, "holds a whole pickled module (class __main__.LSTMModel), not a state_dict: "
                        + "save it with torch.save(model.state_dict(), path)"},
                {text, yaml, null, text + ": not a PyTorch state_dict file (not a zip archive"},
                {FIXTURES.resolve("hostile.pt"), yaml, null, "global posix.system is not allowed in a state_dict"},
                {FIXTURES.resolve("lstm2.pt"), wrongShapes, null, "lstm2.pt: lstm.weight_ih_l0: expected [64, 2] (4 gates x model.hidden_size 16, "
                        + "2 input column(s) [y, x]), found [32, 2]; the state_dict was saved with model.hidden_size: 8"},
                {FIXTURES.resolve("lstm1.pt"), yaml, null, "the state_dict does not fit the experiment's model (lstm, 2 layers x 8 units): missing "
                        + "lstm.weight_ih_l1, lstm.weight_hh_l1, lstm.bias_ih_l1, lstm.bias_hh_l1 (the state_dict has 1 LSTM layer: model.num_layers: 1)"},
                {FIXTURES.resolve("bilstm_seed.pt"), FIXTURES.resolve("bilstm_seed.yaml"), null, "the seed's BiLSTM reads out[:, -1, :]"},
                {FIXTURES.resolve("lstm2.pt"), yaml, partialScaler, partialScaler + ": no scaler for column 'x' (the experiment reads [y, x]; the file has [y])"},
        };
        for (Object[] c : cases) {
            Path bundle = dir.resolve("out.zip");
            List<String> args = new java.util.ArrayList<>(List.of("import", c[0].toString(), "--experiment", c[1].toString(), "--output", bundle.toString()));
            if (c[2] != null) {
                args.addAll(List.of("--scaler", c[2].toString()));
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as("%s: %s", c[0], run.err()).isEqualTo(LstmCommand.BAD_INPUT);
            assertThat(run.err()).as("%s", c[0]).startsWith("lstm import: ").contains((String) c[3]).doesNotContain("\tat ");
            assertThat(run.err().strip().lines()).as("%s", c[0]).hasSize(1);
            assertThat(Files.exists(bundle)).as("no bundle after %s", c[0]).isFalse();
        }
    }

    @Test
    void aBadExperimentFileIsReportedAtItsLine() throws IOException {
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), "data: {target: y, window: 0}\n");
        CliRun run = CliRun.of("import", FIXTURES.resolve("lstm2.pt").toString(), "--experiment", yaml.toString());
        assertThat(run.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(run.err()).contains("bad.yaml:1:").contains("data.window").doesNotContain("\tat ");
    }
}
