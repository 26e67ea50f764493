package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lstm4j.dl4j.internal.PathComparisons.maxAbsDifference;

import java.util.Map;
import java.util.TreeMap;
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
 * {@link LstmKernel}'s time-major layout ({@link FastPaths#TIME_MAJOR}: in training, the input projection and the
 * input and weight gradients as one matrix product per layer over all steps) computes what the per-step layout
 * computes: on real DL4J networks, training-mode outputs and every parameter's gradient agree to float64 rounding in float64
 * and to float32 rounding in float32, for stacked, bidirectional and attention models, with and without recurrent
 * dropout, with either element-wise path ({@link FastPaths#FUSED_GATES}). The float64 gradient checks of
 * {@link FastLstmTest}, {@link RecurrentDropoutTest}, {@link BidirectionalLstmTest} and {@link AttentionPoolingTest}
 * run on it, the default. Inference runs per step either way.
 */
class TimeMajorTest {
    @AfterEach
    void restoreDefaults() {
        System.clearProperty(FastPaths.TIME_MAJOR);
        System.clearProperty(FastPaths.FUSED_GATES);
        System.clearProperty(FastPaths.FUSED_INFERENCE);
    }

    @ParameterizedTest(name = "{0} x {1}, recurrent dropout {2}, {3}, fused gates {4}")
    @CsvSource({"LSTM, 2, 0.0, FLOAT32, true", "LSTM, 2, 0.3, FLOAT32, true", "BILSTM, 2, 0.3, FLOAT32, true",
            "ATTENTION, 2, 0.0, FLOAT32, true", "LSTM, 2, 0.3, FLOAT32, false", "BILSTM, 1, 0.0, FLOAT32, false",
            "ATTENTION, 1, 0.3, FLOAT32, false",
            "LSTM, 2, 0.0, FLOAT64, true", "LSTM, 1, 0.3, FLOAT64, true", "BILSTM, 2, 0.3, FLOAT64, true",
            "ATTENTION, 2, 0.3, FLOAT64, true", "LSTM, 2, 0.3, FLOAT64, false", "BILSTM, 2, 0.0, FLOAT64, false",
            "ATTENTION, 2, 0.0, FLOAT64, false"})
    void outputsAndGradientsEqualThePerStepLayout(Architecture architecture, int layers, double recurrentDropout,
            Precision precision, boolean fusedGates) {
        compare(TestSpecs.model().withArchitecture(architecture).withNumLayers(layers).withHiddenSize(24)
                .withAttentionSize(5).withRecurrentDropout(recurrentDropout), precision, fusedGates);
    }

    /**
     * Three layers, whose outputs and input gradients go on time-major (permuted views), through the bidirectional
     * network's reversals and concatenations, and with BatchNorm. (Not with dropout between the layers: DL4J's
     * dropout masks do not follow the reseeded generator, two per-step passes already differ.)
     */
    @ParameterizedTest(name = "{0} x 3, {1}, fused gates {2}")
    @CsvSource({"LSTM, FLOAT32, true", "BILSTM, FLOAT64, true", "ATTENTION, FLOAT64, false", "LSTM, FLOAT64, false",
            "BILSTM, FLOAT32, false"})
    void threeLayersWithBatchNorm(Architecture architecture, Precision precision, boolean fusedGates) {
        compare(TestSpecs.model().withArchitecture(architecture).withNumLayers(3).withHiddenSize(12)
                .withAttentionSize(5).withRecurrentDropout(0.2).withBatchNorm(true), precision,
                fusedGates);
    }

    private void compare(ModelSpec model, Precision precision, boolean fusedGates) {
        PathComparisons.Fixture fixture = PathComparisons.fixture(model, precision);
        ComputationGraph net = fixture.net();
        FastLstmLayer first = fixture.first();
        INDArray x = fixture.x();
        INDArray y = fixture.y();
        System.setProperty(FastPaths.FUSED_INFERENCE, "false"); // the kernel at every batch size
        System.setProperty(FastPaths.FUSED_GATES, Boolean.toString(fusedGates));

        INDArray inferenceOutput = withTimeMajor(true, () -> net.outputSingle(false, x));
        assertThat(first.ranTimeMajor()).as("inference runs per step").isFalse();
        assertThat(first.ranFusedGates()).isEqualTo(fusedGates);
        INDArray timeMajorOutput = withTimeMajor(true, () -> seededTrainingOutput(net, x));
        assertThat(first.ranTimeMajor()).as("the time-major training forward pass ran").isTrue();
        INDArray perStepOutput = withTimeMajor(false, () -> seededTrainingOutput(net, x));
        assertThat(first.ranTimeMajor()).as("the per-step training forward pass ran").isFalse();
        assertThat(maxAbsDifference(withTimeMajor(false, () -> net.outputSingle(false, x)), inferenceOutput))
                .isZero();
        Map<String, INDArray> timeMajorGradient = withTimeMajor(true, () -> seededGradient(net, x, y));
        assertThat(first.ranTimeMajor()).as("the time-major training pass ran").isTrue();
        assertThat(first.ranFusedGates()).isEqualTo(fusedGates);
        Map<String, INDArray> perStepGradient = withTimeMajor(false, () -> seededGradient(net, x, y));
        assertThat(first.ranTimeMajor()).as("the per-step training pass ran").isFalse();

        assertGradientsAgree(timeMajorGradient, perStepGradient, precision);
        // relative to the largest output, as the gradients: training-mode BatchNorm divides by the batch's spread
        double outputScale = Math.max(1, perStepOutput.amaxNumber().doubleValue());
        double outputDifference = maxAbsDifference(timeMajorOutput, perStepOutput) / outputScale;
        System.out.printf("time-major against per-step, %s: output difference %.2e relative (largest output %.2f)%n",
                precision, outputDifference, outputScale);
        assertThat(outputDifference).isLessThan(precision == Precision.FLOAT64 ? 1e-13 : 2e-6);
    }

    /**
     * Every parameter's gradient (each layer's input weights, recurrent weights and bias apart, so that a wrong
     * bias gradient cannot hide among larger ones) within float rounding of its own size (at least 0.01), printing
     * the largest relative difference.
     */
    private static void assertGradientsAgree(Map<String, INDArray> timeMajor, Map<String, INDArray> perStep,
            Precision precision) {
        // float32: the sums over steps and windows run in another order; the largest measured, 1.26e-6 of the
        // largest element, is a 3-layer bidirectional network with BatchNorm (the others 2e-7 to 9e-7; float64 4e-16 to 9e-16)
        double tolerance = precision == Precision.FLOAT64 ? 1e-12 : 2e-6;
        assertThat(timeMajor.keySet()).isEqualTo(perStep.keySet());
        assertThat(perStep.keySet()).as("the first LSTM layer's parameters, and more")
                .anyMatch(name -> name.endsWith("0_b")).anyMatch(name -> name.endsWith("0_RW")).hasSizeGreaterThan(3);
        double worst = 0;
        for (Map.Entry<String, INDArray> entry : perStep.entrySet()) {
            INDArray expected = entry.getValue();
            // a floor for the attention's small bias gradient, a sum that cancels (measured in float32: largest
            // 1.3e-3, difference 7.5e-9)
            double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-2);
            worst = Math.max(worst, maxAbsDifference(timeMajor.get(entry.getKey()), expected) / scale);
            assertThat(maxAbsDifference(timeMajor.get(entry.getKey()), expected))
                    .as("gradient of %s (largest %s)", entry.getKey(), scale)
                    .isLessThanOrEqualTo(tolerance * scale);
        }
        System.out.printf("time-major against per-step, %s: largest gradient difference %.2e relative%n", precision,
                worst);
    }

    /**
     * The time-major float64 path passes the finite-difference check, bias included, with one step (no recurrent
     * product at all) and with several.
     */
    @ParameterizedTest(name = "window {0}")
    @CsvSource({"1", "5"})
    void passesAFloat64GradientCheck(int window) {
        SampleShape shape = new SampleShape(window, 2, 2);
        TrainingSpec sgd = TestSpecs.withPrecision(TestSpecs.training(1), Precision.FLOAT64)
                .withOptimizer(TestSpecs.optimizer(OptimizerType.SGD, 1.0, 0.0));
        ComputationGraph net = NetworkFactory.build(shape, TestSpecs.model().withNumLayers(2).withHiddenSize(4), sgd,
                8);
        Nd4j.getRandom().setSeed(13);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, window).subi(0.5).muli(4);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2);
        System.setProperty(FastPaths.TIME_MAJOR, "true");
        assertThat(GradientChecks.passes(net, x, y, null)).isTrue();
        assertThat(((FastLstmLayer) net.getLayer("lstm0")).ranTimeMajor()).isTrue();
    }

    /** A 'c'-order input (copied into the time-major matrix) gives what an 'f'-order one does. */
    @Test
    void cOrderAndFOrderInputsAgree() {
        SampleShape shape = new SampleShape(6, 3, 1);
        ComputationGraph net = NetworkFactory.build(shape, TestSpecs.model().withNumLayers(2).withHiddenSize(8),
                TestSpecs.training(1), 3);
        Nd4j.getRandom().setSeed(2);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 3, 6);
        INDArray y = Nd4j.rand(DataType.FLOAT, 16, 1);
        System.setProperty(FastPaths.FUSED_INFERENCE, "false");
        INDArray fromC = PathComparisons.gradient(net, x.dup('c'), y);
        INDArray fromF = PathComparisons.gradient(net, x.dup('f'), y);
        assertThat(maxAbsDifference(fromC, fromF)).isZero();
        assertThat(maxAbsDifference(net.outputSingle(true, x.dup('c')), net.outputSingle(true, x.dup('f'))))
                .isZero();
    }

    /** The switch is read per shape of work arrays: flipping it between passes takes effect at the next one. */
    @Test
    void switchingBetweenPassesChangesTheLayout() {
        PathComparisons.assertSwitchTakesEffectBetweenPasses(FastPaths.TIME_MAJOR, FastLstmLayer::ranTimeMajor);
    }

    /** The network's output in training mode (recurrent dropout on), the generator reseeded first. */
    private static INDArray seededTrainingOutput(ComputationGraph net, INDArray x) {
        Nd4j.getRandom().setSeed(77);
        return net.outputSingle(true, x);
    }

    /**
     * A copy of each parameter's gradient of one training pass ({@code layer_parameter}), the generator reseeded
     * first (the same recurrent dropout masks each time).
     */
    private static Map<String, INDArray> seededGradient(ComputationGraph net, INDArray x, INDArray y) {
        Nd4j.getRandom().setSeed(77);
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        Map<String, INDArray> copies = new TreeMap<>();
        net.gradient().gradientForVariable().forEach((name, gradient) -> copies.put(name, gradient.dup()));
        return copies;
    }

    private static <T> T withTimeMajor(boolean enabled, Supplier<T> computation) {
        return PathComparisons.with(FastPaths.TIME_MAJOR, enabled, computation);
    }
}
