package org.lstm4j.core.exchange.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.NetworkWeights;

/** The seed's state_dicts mapped onto NetworkWeights, and every way they can fail to fit the experiment. */
class SeedModelsTest {
    static final Path FIXTURES = StateDictReaderTest.FIXTURES;
    static final SeedModels.BilstmReadout SEED = SeedModels.BilstmReadout.SEED_LAST_OUTPUT;

    static DataSpec data(int horizon, String... features) {
        return DataSpec.defaults().withTarget("y").withFeatures(java.util.List.of(features)).withWindow(10).withHorizon(horizon);
    }

    static ModelSpec lstm(int layers) {
        return ModelSpec.defaults().withHiddenSize(8).withNumLayers(layers);
    }

    @Test
    void matricesAreCopiedAndTheTwoBiasesSummed() {
        StateDict state = StateDictReader.read(FIXTURES.resolve("lstm2.pt"));
        NetworkWeights weights = SeedModels.weights(state, lstm(2), data(3, "y", "x"), SEED);
        assertThat(weights.layers()).hasSize(2);
        assertThat(weights.bidirectional()).isFalse();
        NetworkWeights.Lstm top = weights.layers().get(1).forward();
        assertThat(top.input().values()).containsExactly(state.tensor("lstm.weight_ih_l1").values());
        assertThat(top.recurrent().values()).containsExactly(state.tensor("lstm.weight_hh_l1").values());
        double[] ih = state.tensor("lstm.bias_ih_l1").values();
        double[] hh = state.tensor("lstm.bias_hh_l1").values();
        for (int i = 0; i < 32; i++) {
            assertThat(top.bias()[i]).isEqualTo(ih[i] + hh[i]);
        }
        assertThat(weights.head().weights().rows()).isEqualTo(3);
        assertThat(weights.head().bias()).containsExactly(state.tensor("fc.bias").values());
        assertThat(weights.attention()).isNull();
    }

    @Test
    void attentionLayersMapOntoTheScoreAndVector() {
        StateDict state = StateDictReader.read(FIXTURES.resolve("attention.pt"));
        ModelSpec attention = lstm(2).withArchitecture(ModelSpec.Architecture.ATTENTION).withAttentionSize(8);
        NetworkWeights weights = SeedModels.weights(state, attention, data(1, "y"), SEED);
        assertThat(weights.attention().score().weights().values()).containsExactly(state.tensor("attention.0.weight").values());
        assertThat(weights.attention().vector().bias()).containsExactly(state.tensor("attention.2.bias").values());

        assertThatThrownBy(() -> SeedModels.weights(state, attention.withAttentionSize(64), data(1, "y"), SEED))
                .hasMessage(FIXTURES.resolve("attention.pt") + ": attention.0.weight: expected [64, 8] (model.attention_size 64 x "
                        + "model.hidden_size 8), found [8, 8]; the state_dict was saved with model.attention_size: 8");
    }

    @Test
    void aBilstmReadingHnHasBothDirectionsAndAHeadOverTheirConcatenation() {
        StateDict state = StateDictReader.read(FIXTURES.resolve("bilstm_hn.pt"));
        ModelSpec bilstm = lstm(2).withArchitecture(ModelSpec.Architecture.BILSTM);
        NetworkWeights weights = SeedModels.weights(state, bilstm, data(3, "y", "x"), SeedModels.BilstmReadout.H_N);
        assertThat(weights.bidirectional()).isTrue();
        assertThat(weights.layers().get(1).backward().input().values()).containsExactly(state.tensor("lstm.weight_ih_l1_reverse").values());
        assertThat(weights.layers().get(1).forward().inputs()).isEqualTo(16);
        assertThat(weights.head().weights().columns()).isEqualTo(16);

        assertThatThrownBy(() -> SeedModels.weights(state, bilstm, data(3, "y", "x"), SEED)).hasMessageContaining(SeedModels.SEED_BILSTM_REFUSED);
        StateDict lstm = StateDictReader.read(FIXTURES.resolve("lstm2.pt"));
        assertThatThrownBy(() -> SeedModels.weights(lstm, bilstm, data(3, "y", "x"), SEED)).as("an LSTMModel is not blamed on the BiLSTM's readout")
                .hasMessageContaining("missing lstm.weight_ih_l0_reverse");
        assertThatThrownBy(() -> SeedModels.weights(state, bilstm.withBidirectionalMerge(ModelSpec.BidirectionalMerge.SUM), data(3, "y", "x"),
                SeedModels.BilstmReadout.H_N)).hasMessageContaining("fc.weight: expected [3, 8] (data.horizon 3 x both directions merged by sum, "
                + "model.hidden_size 8), found [3, 16]");
    }

    @Test
    void wrongShapesNameTheTensorTheExpectedAndTheFoundShape() {
        StateDict state = StateDictReader.read(FIXTURES.resolve("lstm2.pt"));
        String file = FIXTURES.resolve("lstm2.pt") + ": ";
        assertThatThrownBy(() -> SeedModels.weights(state, lstm(2), data(1, "y", "x"), SEED)).isInstanceOf(ImportException.class)
                .hasMessage(file + "fc.weight: expected [1, 8] (data.horizon 1 x model.hidden_size 8), found [3, 8]; the state_dict was saved "
                        + "with data.horizon: 3");
        assertThatThrownBy(() -> SeedModels.weights(state, lstm(2), data(3, "y"), SEED))
                .hasMessage(file + "lstm.weight_ih_l0: expected [32, 1] (4 gates x model.hidden_size 8, 1 input column(s) [y]), found [32, 2]; "
                        + "the state_dict was saved with 2 input column(s) in data.features");
    }

    @Test
    void missingAndUnexpectedTensorsAreNamedWithWhatTheStateDictLooksLike() {
        StateDict lstm2 = StateDictReader.read(FIXTURES.resolve("lstm2.pt"));
        assertThatThrownBy(() -> SeedModels.weights(lstm2, lstm(3), data(3, "y", "x"), SEED))
                .hasMessageEndingWith("the state_dict does not fit the experiment's model (lstm, 3 layers x 8 units): missing lstm.weight_ih_l2, "
                        + "lstm.weight_hh_l2, lstm.bias_ih_l2, lstm.bias_hh_l2 (the state_dict has 2 LSTM layers: model.num_layers: 2)");
        StateDict attention = StateDictReader.read(FIXTURES.resolve("attention.pt"));
        assertThatThrownBy(() -> SeedModels.weights(attention, lstm(2), data(1, "y"), SEED))
                .hasMessageEndingWith("unexpected attention.0.weight, attention.0.bias, attention.2.weight, attention.2.bias (it has the "
                        + "AttentionLSTM's attention layers: model.architecture: attention)");
        StateDict bilstm = StateDictReader.read(FIXTURES.resolve("bilstm_hn.pt"));
        assertThatThrownBy(() -> SeedModels.weights(bilstm, lstm(2), data(3, "y", "x"), SEED))
                .hasMessageContaining("unexpected lstm.weight_ih_l0_reverse").hasMessageEndingWith("(its LSTM is bidirectional: model.architecture: bilstm)");

        Map<String, TorchTensor> renamed = new LinkedHashMap<>();
        lstm2.tensors().forEach((name, tensor) -> renamed.put(name.replace("lstm.", "rnn.").replace("fc.", "head."), tensor));
        assertThatThrownBy(() -> SeedModels.weights(new StateDict(lstm2.file(), renamed), lstm(2), data(3, "y", "x"), SEED))
                .hasMessageContaining("unexpected rnn.weight_ih_l0").hasMessageEndingWith("(the seed's classes keep their LSTM in `self.lstm` and "
                        + "their head in `self.fc`; rename the state_dict's keys to match)");
    }

    @Test
    void aDataParallelPrefixIsDroppedAndNonFiniteOrIntegerWeightsAreRefused() {
        StateDict lstm2 = StateDictReader.read(FIXTURES.resolve("lstm2.pt"));
        Map<String, TorchTensor> prefixed = new LinkedHashMap<>();
        lstm2.tensors().forEach((name, tensor) -> prefixed.put("module." + name, tensor));
        assertThat(SeedModels.weights(new StateDict(lstm2.file(), prefixed), lstm(2), data(3, "y", "x"), SEED).layers()).hasSize(2);

        Map<String, TorchTensor> broken = new LinkedHashMap<>(lstm2.tensors());
        double[] nan = broken.get("fc.bias").values();
        nan[1] = Double.NaN;
        broken.put("fc.bias", new TorchTensor("FloatStorage", new int[] {3}, nan));
        assertThatThrownBy(() -> SeedModels.weights(new StateDict(lstm2.file(), broken), lstm(2), data(3, "y", "x"), SEED))
                .hasMessageEndingWith("fc.bias holds NaN at flat index 1; the network would forecast NaN");
        broken.put("fc.bias", new TorchTensor("LongStorage", new int[] {3}, new double[] {1, 2, 3}));
        assertThatThrownBy(() -> SeedModels.weights(new StateDict(lstm2.file(), broken), lstm(2), data(3, "y", "x"), SEED))
                .hasMessageEndingWith("fc.bias is a LongStorage tensor; weights are floating point");
    }

    @Test
    void batchNormIsRefusedSinceTheSeedsClassesHaveNone() {
        StateDict lstm2 = StateDictReader.read(FIXTURES.resolve("lstm2.pt"));
        assertThatThrownBy(() -> SeedModels.weights(lstm2, lstm(2).withBatchNorm(true), data(3, "y", "x"), SEED))
                .hasMessageEndingWith("model.batch_norm is true, but the seed's classes have no BatchNorm; set model.batch_norm: false");
    }
}
