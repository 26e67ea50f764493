package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.TrainingSpec.Precision;
import org.lstm4j.dl4j.SineWindows;
import org.lstm4j.dl4j.TestSpecs;

/**
 * {@link SmallBatchLstm} predicts what the DL4J network predicts, for stacked LSTMs with dropout (identity at
 * inference), in float32 and float64, and follows the network's parameters when they change.
 */
class SmallBatchLstmTest {
    @AfterEach
    void enableFastPaths() {
        System.clearProperty(FastPaths.KERNEL);
        System.clearProperty(FastPaths.JAVA_INFERENCE_WINDOWS);
    }

    /**
     * Closing a model frees the work arrays of its LSTM layers and its Java copy of the weights; a layer whose
     * arrays were released computes the same again; a closed model refuses to predict.
     */
    @Test
    void closeReleasesTheWorkArraysAndTheModelRefusesToPredictAfterwards() {
        SineWindows data = SineWindows.of(300, 6, 1);
        SampleShape shape = new SampleShape(6, 1, 1);
        ModelSpec model = TestSpecs.model().withHiddenSize(8);
        ComputationGraph net = NetworkFactory.build(shape, model, TestSpecs.training(1), 5);
        Dl4jTrainedModel trained = Dl4jTrainedModel.of(net, shape, model);
        double[][] many = trained.predict(data); // the network's path: work arrays allocated
        double[][] one = trained.predict(data.range(0, 1)); // the Java path: weights copied
        FastLstmLayer layer = (FastLstmLayer) net.getLayer(StackedLstm.LSTM + 0);
        assertThat(layer.hasWorkArrays()).isTrue();
        layer.releaseWorkArrays();
        assertThat(layer.hasWorkArrays()).isFalse();
        assertThat(trained.predict(data)).isDeepEqualTo(many);
        trained.close();
        assertThat(layer.hasWorkArrays()).isFalse();
        assertThatThrownBy(() -> trained.predict(data.range(0, 1))).isInstanceOf(IllegalStateException.class);
        trained.close(); // idempotent
        assertThat(one[0][0]).isCloseTo(many[0][0], org.assertj.core.api.Assertions.within(1e-5));
    }

    @ParameterizedTest(name = "{0} layer(s), dropout {1}, {2}")
    @CsvSource({"1, 0.0, FLOAT32", "2, 0.3, FLOAT32", "3, 0.0, FLOAT64"})
    void predictsWhatTheNetworkPredicts(int layers, double dropout, Precision precision) {
        SineWindows data = SineWindows.of(40, 6, 2, 3, 2.0);
        SampleShape shape = new SampleShape(6, 3, 2);
        ModelSpec model = TestSpecs.model().withNumLayers(layers).withHiddenSize(7).withDropout(dropout);
        TrainingSpec training = TestSpecs.withPrecision(TestSpecs.training(1), precision);
        ComputationGraph net = NetworkFactory.build(shape, model, training, 3);
        Dl4jTrainedModel trained = Dl4jTrainedModel.of(net, shape, model);
        double tolerance = precision == Precision.FLOAT64 ? 1e-12 : 1e-5;
        SineWindows few = data.range(5, 5 + SmallBatchLstm.MAX_WINDOWS);
        assertThat(SmallBatchLstm.forNetwork(net, shape, model)).isNotNull();
        for (int round = 0; round < 2; round++) {
            double[][] java = trained.predict(few);
            System.setProperty(FastPaths.KERNEL, "false");
            double[][] network = trained.predict(few);
            System.clearProperty(FastPaths.KERNEL);
            for (int i = 0; i < few.size(); i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(Math.abs(java[i][j] - network[i][j])).isLessThan(tolerance);
                }
            }
            // the parameters change: the next round must see the new ones
            Batches batches = new Batches(data, net.params().dataType());
            new OptimizerStep(net, training).apply(1, data.size(), i -> batches.dataSet(null, 0, data.size()));
        }
    }

    /**
     * The float32 path ({@link FloatLstmSteps}) on a network of the large benchmark's width and length (LSTM(128) x
     * 2 over 48 steps of 8 features) predicts what the network does to float32 rounding, as does the float64 path it
     * replaces ({@code lstm4j.floatJavaInference=false}); and the two paths are different code (their results are not
     * bit-identical).
     */
    @Test
    void theFloatPathPredictsALargeNetworksOutputToFloatRounding() {
        SineWindows data = SineWindows.of(60, 48, 1, 8, 2.0);
        SampleShape shape = new SampleShape(48, 8, 1);
        ModelSpec model = TestSpecs.model().withNumLayers(2).withHiddenSize(128);
        ComputationGraph net = NetworkFactory.build(shape, model, TestSpecs.training(1), 8);
        SineWindows few = data.range(0, SmallBatchLstm.MAX_WINDOWS);
        double[][] inFloat = Dl4jTrainedModel.of(net, shape, model).predict(few);
        double[][] inDouble = PathComparisons.with(FastPaths.FLOAT_JAVA_INFERENCE, false,
                () -> Dl4jTrainedModel.of(net, shape, model).predict(few));
        double[][] network = PathComparisons.with(FastPaths.KERNEL, false,
                () -> Dl4jTrainedModel.of(net, shape, model).predict(few));
        for (int i = 0; i < few.size(); i++) {
            assertThat(Math.abs(inFloat[i][0] - network[i][0])).as("float path, window %d", i).isLessThan(1e-5);
            assertThat(Math.abs(inDouble[i][0] - network[i][0])).as("double path, window %d", i).isLessThan(1e-5);
        }
        assertThat(inFloat).as("two different computations").isNotEqualTo(inDouble);
    }

    /**
     * A frozen (restored) model takes the plain-Java path up to {@value FastPaths#JAVA_INFERENCE_WINDOWS} windows (2
     * unless set; {@code lstm serve} sets 64) and predicts what the network does.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"FLOAT32", "FLOAT64"})
    void aFrozenModelPredictsUpTo64WindowsInJavaAsTheNetworkDoes(Precision precision) {
        SineWindows data = SineWindows.of(120, 6, 2, 3, 2.0);
        SampleShape shape = new SampleShape(6, 3, 2);
        ModelSpec model = TestSpecs.model().withNumLayers(2).withHiddenSize(7);
        TrainingSpec training = TestSpecs.withPrecision(TestSpecs.training(1), precision);
        ComputationGraph net = NetworkFactory.build(shape, model, training, 4);
        Dl4jTrainedModel network = Dl4jTrainedModel.of(net, shape, model);
        Dl4jTrainedModel frozen = Dl4jTrainedModel.of(net, shape, model);
        frozen.freezeParameters();
        assertThat(SmallBatchLstm.suits(SmallBatchLstm.MAX_WINDOWS + 1, true)).as("by default as unfrozen").isFalse();
        System.setProperty(FastPaths.JAVA_INFERENCE_WINDOWS, "64");
        assertThat(SmallBatchLstm.suits(SmallBatchLstm.MAX_WINDOWS_FROZEN, true)).isTrue();
        assertThat(SmallBatchLstm.suits(SmallBatchLstm.MAX_WINDOWS_FROZEN, false)).isFalse();
        assertThat(SmallBatchLstm.suits(SmallBatchLstm.MAX_WINDOWS_FROZEN + 1, true)).isFalse();
        double tolerance = precision == Precision.FLOAT64 ? 1e-12 : 1e-5;
        SineWindows batch = data.range(0, SmallBatchLstm.MAX_WINDOWS_FROZEN);
        double[][] java = frozen.predict(batch);
        double[][] graph = network.predict(batch);
        for (int i = 0; i < batch.size(); i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(Math.abs(java[i][j] - graph[i][j])).as("window %d step %d", i, j).isLessThan(tolerance);
            }
        }
    }
}
