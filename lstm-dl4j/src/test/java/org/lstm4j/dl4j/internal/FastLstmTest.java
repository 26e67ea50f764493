package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lstm4j.dl4j.internal.PathComparisons.gradient;
import static org.lstm4j.dl4j.internal.PathComparisons.maxAbsDifference;

import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
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
import org.lstm4j.dl4j.TestSpecs;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link FastLstm} computes DL4J's LSTM: on the same network, outputs and every parameter's gradient agree with DL4J's
 * own implementation (switched on through {@link FastPaths#KERNEL}) to float64 rounding, and its
 * gradients pass the finite-difference check.
 */
class FastLstmTest {
    private final TrainingSpec float64 = TestSpecs.withPrecision(TestSpecs.training(1), Precision.FLOAT64);

    @AfterEach
    void enableFastPath() {
        System.clearProperty(FastPaths.KERNEL);
    }

    @ParameterizedTest(name = "{0}, {1} layer(s), window {2}")
    @CsvSource({"LSTM, 1, 7", "LSTM, 2, 7", "LSTM, 2, 1", "BILSTM, 2, 6", "ATTENTION, 2, 5"})
    void matchesDl4jsLstmInOutputsAndGradients(Architecture architecture, int layers, int window) {
        SampleShape shape = new SampleShape(window, 3, 2);
        ModelSpec model = TestSpecs.model().withArchitecture(architecture).withNumLayers(layers).withHiddenSize(6);
        ComputationGraph net = NetworkFactory.build(shape, model, float64, 21);
        FastLstmLayer first = (FastLstmLayer) net.getLayer(model.architecture() == Architecture.BILSTM ? "fwd0" : "lstm0");
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 3, window).subi(0.5).muli(3);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 4, 2);

        INDArray fastOutput = withFastPath(true, () -> net.outputSingle(false, x));
        assertThat(first.hasWorkArrays()).as("lstm4j's inference path ran").isTrue();
        first.releaseWorkArrays();
        INDArray referenceOutput = withFastPath(false, () -> net.outputSingle(false, x));
        assertThat(first.hasWorkArrays()).as("DL4J's implementation ran").isFalse();
        INDArray fastGradient = withFastPath(true, () -> gradient(net, x, y));
        assertThat(first.hasWorkArrays()).as("lstm4j's training path ran").isTrue();
        INDArray referenceGradient = withFastPath(false, () -> gradient(net, x, y));

        assertThat(fastOutput.equalsWithEps(referenceOutput, 1e-12)).isTrue();
        assertThat(referenceGradient.sumNumber().doubleValue()).isNotZero();
        assertThat(maxAbsDifference(fastGradient, referenceGradient)).isLessThan(1e-12);
    }

    @Test
    void passesAFloat64GradientCheck() {
        SampleShape shape = new SampleShape(5, 2, 2);
        TrainingSpec sgd = float64.withOptimizer(TestSpecs.optimizer(OptimizerType.SGD, 1.0, 0.0));
        ComputationGraph net = NetworkFactory.build(shape, TestSpecs.model().withHiddenSize(4), sgd, 8);
        Nd4j.getRandom().setSeed(13);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 5).subi(0.5).muli(4);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2);
        assertThat(GradientChecks.passes(net, x, y, null)).isTrue();
    }

    /** The work arrays follow the batch size: a training batch, a smaller one, then inference on a third size. */
    @Test
    void followsChangingBatchSizesInFloat32() {
        SampleShape shape = new SampleShape(9, 1, 1);
        ComputationGraph net = NetworkFactory.build(shape, TestSpecs.model().withHiddenSize(8), TestSpecs.training(1), 3);
        for (int batch : new int[] {16, 5, 1, 16}) {
            INDArray x = Nd4j.rand(DataType.FLOAT, batch, 1, 9);
            INDArray y = Nd4j.rand(DataType.FLOAT, batch, 1);
            INDArray fast = withFastPath(true, () -> gradient(net, x, y));
            INDArray reference = withFastPath(false, () -> gradient(net, x, y));
            assertThat(maxAbsDifference(fast, reference)).isLessThan(1e-5);
            INDArray fastOutput = withFastPath(true, () -> net.outputSingle(false, x));
            INDArray referenceOutput = withFastPath(false, () -> net.outputSingle(false, x));
            assertThat(fastOutput.equalsWithEps(referenceOutput, 1e-5)).isTrue();
        }
    }

    /**
     * Inference takes libnd4j's fused {@code lstmLayer} for small batches (its gate order differs from DL4J's) and
     * the kernel for large ones; both give DL4J's outputs, in float32 and float64, also after a training step.
     */
    @ParameterizedTest(name = "{0} window(s), {1}")
    @CsvSource({"1, FLOAT32", "3, FLOAT64", "200, FLOAT32", "200, FLOAT64"})
    void inferenceMatchesDl4jOnSmallAndLargeBatches(int batch, Precision precision) {
        assertThat(FusedLstmInference.suits(batch, 50)).isEqualTo(batch * 50 <= FusedLstmInference.MAX_BATCH_TIMES_HIDDEN);
        SampleShape shape = new SampleShape(6, 2, 1);
        TrainingSpec training = TestSpecs.withPrecision(TestSpecs.training(1), precision);
        ComputationGraph net = NetworkFactory.build(shape, TestSpecs.model().withHiddenSize(50), training, 4);
        DataType type = precision == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
        double tolerance = precision == Precision.FLOAT64 ? 1e-12 : 1e-5;
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(type, batch, 2, 6).subi(0.5).muli(4);
        INDArray y = Nd4j.rand(type, batch, 1);
        for (int round = 0; round < 2; round++) {
            INDArray fast = withFastPath(true, () -> net.outputSingle(false, x));
            INDArray reference = withFastPath(false, () -> net.outputSingle(false, x));
            assertThat(maxAbsDifference(fast, reference)).isLessThan(tolerance);
            new OptimizerStep(net, training).apply(1, batch, i -> new org.nd4j.linalg.dataset.DataSet(x, y));
        }
    }

    private static INDArray withFastPath(boolean enabled, Supplier<INDArray> computation) {
        return PathComparisons.with(FastPaths.KERNEL, enabled, computation);
    }
}
