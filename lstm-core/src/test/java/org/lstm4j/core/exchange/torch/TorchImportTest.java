package org.lstm4j.core.exchange.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.core.FlatWindows;
import org.lstm4j.core.PreparedData;
import org.lstm4j.core.config.ExperimentLoader;
import org.lstm4j.data.FittedScaler;

/**
 * The seed's PyTorch models imported onto the DL4J backend forecast what PyTorch computed for the same scaled windows
 * (bench/torch_import/outputs.json), within 1e-5 absolute on scaled outputs of order 1.
 */
class TorchImportTest {
    static final Path FIXTURES = StateDictReaderTest.FIXTURES;
    static final double TOLERANCE = 1e-5;
    static JsonNode outputs;

    @BeforeAll
    static void readOutputs() throws IOException {
        outputs = new ObjectMapper().readTree(FIXTURES.resolve("outputs.json").toFile()).get("models");
    }

    static ExperimentSpec experiment(String name) {
        return ExperimentLoader.load(FIXTURES.resolve(name + ".yaml")).spec();
    }

    @ParameterizedTest(name = "{0}.pt as {1}")
    @CsvSource({"lstm1, lstm1", "lstm2, lstm2", "lstm2_views, lstm2", "lstm1_protocol4, lstm1", "attention, attention", "bilstm_hn, bilstm_hn"})
    void forecastsWhatPyTorchComputed(String file, String model) {
        JsonNode expected = outputs.get(model);
        ExperimentSpec spec = experiment(model);
        TorchImport.Imported imported = TorchImport.of(FIXTURES.resolve(file + ".pt"), spec, FIXTURES.resolve("scaler.json"),
                SeedModels.BilstmReadout.H_N);
        try {
            JsonNode windows = expected.get("windows");
            int n = windows.size();
            int window = windows.get(0).size();
            int features = windows.get(0).get(0).size();
            float[] inputs = new float[n * window * features];
            int at = 0;
            for (JsonNode sample : windows) {
                for (JsonNode step : sample) {
                    for (JsonNode value : step) {
                        inputs[at++] = (float) value.asDouble();
                    }
                }
            }
            double[][] forecast = imported.model().model().predict(new FlatWindows(inputs, n, window, features, spec.data().horizon()));
            double worst = 0;
            for (int s = 0; s < n; s++) {
                for (int k = 0; k < spec.data().horizon(); k++) {
                    double torch = expected.get("outputs").get(s).get(k).asDouble();
                    assertThat(forecast[s][k]).as("%s window %d step %d", file, s, k).isCloseTo(torch, org.assertj.core.api.Assertions.within(TOLERANCE));
                    worst = Math.max(worst, Math.abs(forecast[s][k] - torch));
                }
            }
            System.out.printf("%s: max |lstm4j - PyTorch| = %.3g over %d windows%n", file, worst, n);
        } finally {
            imported.model().model().close();
        }
    }

    @Test
    void withoutAScalerFileTheScalersAreFittedAsLstmTrainFitsThem() {
        ExperimentSpec spec = experiment("lstm2");
        TorchImport.Imported imported = TorchImport.of(FIXTURES.resolve("lstm2.pt"), spec, null, SeedModels.BilstmReadout.SEED_LAST_OUTPUT);
        try {
            assertThat(imported.scalerFile()).isNull();
            assertThat(imported.model().scalers()).isEqualTo(PreparedData.prepare(spec.data(), spec.seed()).scalers());
            // the fixture's y scaler is scikit-learn's MinMaxScaler on the same train rows: the same scaler
            FittedScaler sklearn = ScalerFile.read(FIXTURES.resolve("scaler.json"), java.util.List.of("y", "x")).get("y");
            FittedScaler fitted = imported.model().scalers().get("y");
            assertThat(fitted.offset()).isEqualTo(sklearn.offset());
            assertThat(fitted.scale()).isCloseTo(sklearn.scale(), org.assertj.core.api.Assertions.within(1e-12));
        } finally {
            imported.model().model().close();
        }
    }

    @Test
    void theSeedsBilstmIsRefusedSayingWhyAndWhatToChange() {
        assertThatThrownBy(() -> TorchImport.of(FIXTURES.resolve("bilstm_seed.pt"), experiment("bilstm_seed"), FIXTURES.resolve("scaler.json"),
                SeedModels.BilstmReadout.SEED_LAST_OUTPUT)).isInstanceOf(ImportException.class)
                .hasMessageContaining("bilstm_seed.pt: the seed's BiLSTM reads out[:, -1, :]")
                .hasMessageContaining("torch.cat([h_n[-2], h_n[-1]], 1)");
    }
}
