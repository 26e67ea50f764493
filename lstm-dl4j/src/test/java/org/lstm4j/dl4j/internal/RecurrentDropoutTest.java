package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lstm4j.dl4j.internal.PathComparisons.maxAbsDifference;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.OptimizerSpec.OptimizerType;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.TrainingSpec.Precision;
import org.lstm4j.api.UnsupportedFeatureException;
import org.lstm4j.dl4j.TestSpecs;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code model.recurrent_dropout} in {@link LstmKernel}: one mask per sequence held for all steps, drawn anew per
 * training pass, layer and direction; backpropagation through it passes the float64 gradient check with a fixed mask;
 * inference ignores it; where DL4J's own layer would train, it is refused by name.
 */
class RecurrentDropoutTest {
    private static final double P = 0.4;
    private final TrainingSpec float64 = TestSpecs.withPrecision(TestSpecs.training(1), Precision.FLOAT64);

    @AfterEach
    void enableFastPath() {
        System.clearProperty(FastPaths.KERNEL);
    }

    /**
     * The layer's training output equals a plain-Java LSTM that multiplies {@code h_{t-1}} by the layer's one mask at
     * every step, and differs from the same LSTM without the mask: a mask drawn per step, or none, fails this.
     */
    @Test
    void oneMaskPerSequenceIsAppliedToTheRecurrentStateAtEveryStep() {
        int window = 7;
        SampleShape shape = new SampleShape(window, 3, 1);
        ModelSpec model = TestSpecs.model().withHiddenSize(5).withRecurrentDropout(P);
        ComputationGraph net = NetworkFactory.build(shape, model, float64, 3);
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 3, window).subi(0.5).muli(3);

        INDArray output = net.feedForward(x, true).get(StackedLstm.LSTM + 0);
        FastLstmLayer layer = (FastLstmLayer) net.getLayer(StackedLstm.LSTM + 0);
        INDArray mask = layer.lastRecurrentMask();

        assertThat(mask.shape()).containsExactly(6, 5);
        for (double value : mask.data().asDouble()) {
            assertThat(value).isIn(0.0, 1.0 / (1.0 - P));
        }
        assertThat(mask.minNumber().doubleValue()).as("some units dropped").isZero();
        assertThat(mask.maxNumber().doubleValue()).as("some units kept").isPositive();
        assertThat(maxAbsDifference(output, reference(layer, x, mask))).isLessThan(1e-12);
        INDArray none = Nd4j.ones(DataType.DOUBLE, 6, 5);
        assertThat(maxAbsDifference(output, reference(layer, x, none))).isGreaterThan(1e-3);
        // inference: no mask at all
        assertThat(maxAbsDifference(net.feedForward(x, false).get(StackedLstm.LSTM + 0), reference(layer, x, none)))
                .isLessThan(1e-12);
    }

    /** Each training pass draws new masks, and every layer and direction its own, from ND4J's seeded generator. */
    @Test
    void masksAreDrawnPerPassLayerAndDirectionFromTheSeededGenerator() {
        SampleShape shape = new SampleShape(4, 2, 1);
        ModelSpec model = TestSpecs.model().withArchitecture(Architecture.BILSTM).withNumLayers(2).withHiddenSize(32)
                .withRecurrentDropout(P);
        ComputationGraph net = NetworkFactory.build(shape, model, TestSpecs.training(1), 3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 2, 4);

        Nd4j.getRandom().setSeed(99);
        Map<String, INDArray> first = masks(net, x);
        Map<String, INDArray> second = masks(net, x);
        Nd4j.getRandom().setSeed(99);
        Map<String, INDArray> again = masks(net, x);

        assertThat(first.keySet()).containsExactlyInAnyOrder("fwd0", "bwd0", "fwd1", "bwd1");
        for (String name : first.keySet()) {
            INDArray mask = first.get(name);
            double dropped = mask.eq(0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
            assertThat(dropped).as("%s drops about %s of 64 x 32 units", name, P).isBetween(P - 0.05, P + 0.05);
            assertThat(mask).as("%s: a new mask each pass", name).isNotEqualTo(second.get(name));
            assertThat(mask).as("%s: the same seed draws the same mask", name).isEqualTo(again.get(name));
        }
        assertThat(first.get("fwd0")).isNotEqualTo(first.get("bwd0"));
        assertThat(first.get("fwd0")).isNotEqualTo(first.get("fwd1"));
    }

    /** With the generator reseeded before every pass (the same masks), the gradients match finite differences. */
    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"LSTM, 2", "BILSTM, 1", "ATTENTION, 1"})
    void passesAFloat64GradientCheckWithAFixedMask(Architecture architecture, int layers) {
        SampleShape shape = new SampleShape(5, 2, 2);
        TrainingSpec sgd = float64.withOptimizer(TestSpecs.optimizer(OptimizerType.SGD, 1.0, 0.0));
        ModelSpec model = TestSpecs.model().withArchitecture(architecture).withNumLayers(layers).withHiddenSize(4)
                .withAttentionSize(3).withRecurrentDropout(P);
        ComputationGraph net = NetworkFactory.build(shape, model, sgd, 8);
        Nd4j.getRandom().setSeed(13);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 5).subi(0.5).muli(4);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2);

        assertThat(GradientChecks.passes(net, x, y, null, () -> Nd4j.getRandom().setSeed(12345))).isTrue();
        FastLstmLayer first = (FastLstmLayer) net.getLayer(architecture == Architecture.BILSTM ? "fwd0" : "lstm0");
        assertThat(first.lastRecurrentMask().minNumber().doubleValue()).as("the checked mask drops units").isZero();
    }

    /** The check can fail: with a new mask for every perturbed pass the differences are not the gradient. */
    @Test
    void failsTheGradientCheckWhenEveryPassDrawsANewMask() {
        SampleShape shape = new SampleShape(5, 2, 2);
        TrainingSpec sgd = float64.withOptimizer(TestSpecs.optimizer(OptimizerType.SGD, 1.0, 0.0));
        ComputationGraph net = NetworkFactory.build(shape, TestSpecs.model().withHiddenSize(4).withRecurrentDropout(P), sgd, 8);
        Nd4j.getRandom().setSeed(13);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 5).subi(0.5).muli(4);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2);
        assertThat(GradientChecks.passes(net, x, y, null)).isFalse();
    }

    /**
     * Inference (small batches on libnd4j's fused layer, large ones on the kernel, DL4J's own layer) is deterministic
     * and equals the network without recurrent dropout on the same parameters, also after training steps with it.
     */
    @ParameterizedTest(name = "{0} window(s)")
    @CsvSource({"1", "3", "200"})
    void inferenceIgnoresRecurrentDropout(int batch) {
        SampleShape shape = new SampleShape(6, 2, 1);
        TrainingSpec training = float64;
        ModelSpec plain = TestSpecs.model().withNumLayers(2).withHiddenSize(20);
        ComputationGraph dropping = NetworkFactory.build(shape, plain.withRecurrentDropout(0.5), training, 4);
        ComputationGraph reference = NetworkFactory.build(shape, plain, training, 4);
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(DataType.DOUBLE, batch, 2, 6).subi(0.5).muli(4);
        INDArray y = Nd4j.rand(DataType.DOUBLE, batch, 1);
        new OptimizerStep(dropping, training).apply(1, batch, i -> new org.nd4j.linalg.dataset.DataSet(x, y));
        reference.setParams(dropping.params());

        INDArray predicted = dropping.outputSingle(false, x);
        assertThat(dropping.outputSingle(false, x)).isEqualTo(predicted);
        assertThat(maxAbsDifference(predicted, reference.outputSingle(false, x))).isLessThan(1e-12);
        System.setProperty(FastPaths.KERNEL, "false");
        assertThat(maxAbsDifference(dropping.outputSingle(false, x), predicted)).as("DL4J's layer").isLessThan(1e-12);
        System.clearProperty(FastPaths.KERNEL);
        assertThat(maxAbsDifference(dropping.outputSingle(true, x), predicted)).as("training mode drops")
                .isGreaterThan(1e-6);
    }

    @Test
    void aTrainerThatWouldRunDl4jsLayerIsRefusedByName() {
        ModelSpec model = TestSpecs.model().withRecurrentDropout(0.2);
        SampleShape shape = new SampleShape(5, 1, 1);
        System.setProperty(FastPaths.KERNEL, "false");
        assertThatThrownBy(() -> org.lstm4j.dl4j.internal.Dl4jEngine.trainer(shape, model, TestSpecs.training(1), 1))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageStartingWith("model.recurrent_dropout: 0.2 needs lstm4j's LSTM kernel")
                .hasMessageContaining("-Dlstm4j.fastLstm=false")
                .extracting(e -> ((UnsupportedFeatureException) e).key()).isEqualTo("model.recurrent_dropout");
        System.clearProperty(FastPaths.KERNEL);
        assertThatThrownBy(() -> Dl4jEngine.trainer(shape, model,
                TestSpecs.withPrecision(TestSpecs.training(1), Precision.FLOAT16), 1))
                .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("float16");
        assertThat(Dl4jEngine.trainer(shape, model, TestSpecs.training(1), 1)).isNotNull();
        assertThat(Dl4jEngine.trainer(shape, model.withRecurrentDropout(0), TestSpecs.withPrecision(TestSpecs.training(1),
                Precision.FLOAT16), 1)).isNotNull();
    }

    /** A training pass that reaches DL4J's layer anyway (the switch flipped after the trainer started) is refused. */
    @Test
    void aTrainingPassOnDl4jsLayerIsRefused() {
        SampleShape shape = new SampleShape(5, 1, 1);
        ComputationGraph net = NetworkFactory.build(shape, TestSpecs.model().withRecurrentDropout(0.2), TestSpecs.training(1), 1);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 5);
        System.setProperty(FastPaths.KERNEL, "false");
        assertThatThrownBy(() -> net.feedForward(x, true)).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageStartingWith("model.recurrent_dropout: ");
        assertThat(net.outputSingle(false, x).length()).isEqualTo(4);
    }

    private static Map<String, INDArray> masks(ComputationGraph net, INDArray x) {
        net.feedForward(x, true);
        Map<String, INDArray> masks = new java.util.TreeMap<>();
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            if (layer instanceof FastLstmLayer lstm) {
                masks.put(layer.conf().getLayer().getLayerName(), lstm.lastRecurrentMask());
            }
        }
        return masks;
    }

    /**
     * DL4J's LSTM (gates {@code [a | f | o | i]}, tanh block input and cell output) in plain double precision, with
     * {@code h_{t-1} * mask} in the recurrent product; the outputs {@code [batch, hidden, steps]}.
     */
    private static INDArray reference(FastLstmLayer layer, INDArray x, INDArray mask) {
        double[][] w = layer.getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY).toDoubleMatrix();
        double[][] rw = layer.getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY).toDoubleMatrix();
        double[] b = layer.getParam(LSTMParamInitializer.BIAS_KEY).toDoubleVector();
        int batch = (int) x.size(0);
        int features = (int) x.size(1);
        int steps = (int) x.size(2);
        int h = rw.length;
        INDArray out = Nd4j.create(DataType.DOUBLE, batch, h, steps);
        for (int n = 0; n < batch; n++) {
            double[] state = new double[h];
            double[] cell = new double[h];
            for (int t = 0; t < steps; t++) {
                double[] z = b.clone();
                for (int g = 0; g < 4 * h; g++) {
                    for (int k = 0; k < features; k++) {
                        z[g] += x.getDouble(n, k, t) * w[k][g];
                    }
                    for (int k = 0; k < h; k++) {
                        z[g] += state[k] * mask.getDouble(n, k) * rw[k][g];
                    }
                }
                for (int j = 0; j < h; j++) {
                    double a = Math.tanh(z[j]);
                    double f = sigmoid(z[h + j]);
                    double o = sigmoid(z[2 * h + j]);
                    double i = sigmoid(z[3 * h + j]);
                    cell[j] = f * cell[j] + i * a;
                    state[j] = o * Math.tanh(cell[j]);
                    out.putScalar(new long[] {n, j, t}, state[j]);
                }
            }
        }
        return out;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
