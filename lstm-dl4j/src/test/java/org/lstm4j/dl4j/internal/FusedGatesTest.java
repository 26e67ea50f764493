package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lstm4j.dl4j.internal.PathComparisons.maxAbsDifference;

import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.TrainingSpec.Precision;
import org.lstm4j.dl4j.TestSpecs;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link GateSteps} ({@link FastPaths#FUSED_GATES}) computes what {@link LstmKernel}'s ND4J element-wise operations
 * compute: on real DL4J networks, outputs and every parameter's gradient agree with the ND4J path to float64 rounding
 * in float64 and to float32 rounding in float32, for stacked, bidirectional and attention models, with and without
 * recurrent dropout. (The float64 gradient checks of {@link FastLstmTest}, {@link RecurrentDropoutTest},
 * {@link BidirectionalLstmTest} and {@link AttentionPoolingTest} run with it, the default.)
 */
class FusedGatesTest {
    @AfterEach
    void restoreDefaults() {
        System.clearProperty(FastPaths.FUSED_GATES);
        System.clearProperty(FastPaths.FUSED_INFERENCE);
    }

    /** {@link FastTanh} over a dense grid and the clamped tails, against the exact functions and ND4J's sigmoid. */
    @Test
    void fastTanhAndSigmoidAreWithinHalfAMillionthOfTheExactFunctions() {
        int n = 400_001;
        float[] x = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = -20f + 40f * k / (n - 1);
        }
        double tanhError = 0;
        double sigmoidError = 0;
        for (float v : x) {
            tanhError = Math.max(tanhError, Math.abs(FastTanh.tanh(v) - Math.tanh(v)));
            sigmoidError = Math.max(sigmoidError, Math.abs(FastTanh.sigmoid(v) - ExactActivations.sigmoid(v)));
        }
        INDArray nd4j = Nd4j.createFromArray(x);
        Nd4j.getExecutioner().exec(new Sigmoid(nd4j, nd4j));
        float[] nd4jSigmoid = nd4j.toFloatVector();
        double fromNd4j = 0;
        for (int k = 0; k < n; k++) {
            fromNd4j = Math.max(fromNd4j, Math.abs(FastTanh.sigmoid(x[k]) - nd4jSigmoid[k]));
        }
        assertThat(tanhError).isLessThan(4.5e-7);
        assertThat(sigmoidError).isLessThan(2.5e-7);
        assertThat(fromNd4j).isLessThan(3e-7);
        assertThat(FastTanh.tanh(0f)).isZero();
        assertThat(FastTanh.tanh(1e-30f)).isPositive();
        assertThat(FastTanh.tanh(Float.POSITIVE_INFINITY)).isBetween(0.9999998f, 1f);
        assertThat(FastTanh.sigmoid(Float.NEGATIVE_INFINITY)).isBetween(0f, 1e-7f);
    }

    @ParameterizedTest(name = "{0} x {1}, recurrent dropout {2}, {3}")
    @CsvSource({"LSTM, 2, 0.0, FLOAT32", "LSTM, 2, 0.3, FLOAT32", "BILSTM, 2, 0.3, FLOAT32",
            "ATTENTION, 1, 0.0, FLOAT32",
            "LSTM, 2, 0.0, FLOAT64", "LSTM, 1, 0.3, FLOAT64", "BILSTM, 1, 0.3, FLOAT64", "ATTENTION, 2, 0.3, FLOAT64"})
    void outputsAndGradientsEqualTheNd4jPath(Architecture architecture, int layers, double recurrentDropout,
            Precision precision) {
        ModelSpec model = TestSpecs.model().withArchitecture(architecture).withNumLayers(layers).withHiddenSize(24)
                .withAttentionSize(5).withRecurrentDropout(recurrentDropout);
        PathComparisons.Fixture fixture = PathComparisons.fixture(model, precision);
        ComputationGraph net = fixture.net();
        FastLstmLayer first = fixture.first();
        INDArray x = fixture.x();
        INDArray y = fixture.y();
        System.setProperty(FastPaths.FUSED_INFERENCE, "false"); // the kernel at every batch size

        INDArray fusedOutput = withFusedGates(true, () -> net.outputSingle(false, x));
        assertThat(first.ranFusedGates()).as("the fused inference pass ran").isTrue();
        INDArray nd4jOutput = withFusedGates(false, () -> net.outputSingle(false, x));
        assertThat(first.ranFusedGates()).as("the ND4J inference pass ran").isFalse();
        INDArray fusedGradient = withFusedGates(true, () -> seededGradient(net, x, y));
        assertThat(first.ranFusedGates()).as("the fused training pass ran").isTrue();
        INDArray nd4jGradient = withFusedGates(false, () -> seededGradient(net, x, y));
        assertThat(first.ranFusedGates()).as("the ND4J training pass ran").isFalse();

        double scale = nd4jGradient.amaxNumber().doubleValue();
        assertThat(scale).isPositive();
        if (precision == Precision.FLOAT64) {
            // measured: outputs 1e-16, gradients 4e-16 to 4e-15 (largest gradient 18-22)
            assertThat(maxAbsDifference(fusedOutput, nd4jOutput)).isLessThan(1e-14);
            assertThat(maxAbsDifference(fusedGradient, nd4jGradient)).isLessThan(1e-14 * Math.max(1, scale));
        } else {
            // measured: outputs 0.6e-7 to 2.2e-7, gradients 1e-6 to 1.9e-6 (largest gradient 19-22)
            assertThat(maxAbsDifference(fusedOutput, nd4jOutput)).isLessThan(1e-6);
            assertThat(maxAbsDifference(fusedGradient, nd4jGradient)).isLessThan(1e-6 * Math.max(1, scale));
        }
    }

    /** The switch is read per shape of work arrays: flipping it between passes takes effect at the next one. */
    @Test
    void switchingOffBetweenPassesFallsBackToNd4j() {
        PathComparisons.assertSwitchTakesEffectBetweenPasses(FastPaths.FUSED_GATES, FastLstmLayer::ranFusedGates);
    }

    /** One training pass's gradient, the generator reseeded first (the same recurrent dropout masks each time). */
    private static INDArray seededGradient(ComputationGraph net, INDArray x, INDArray y) {
        Nd4j.getRandom().setSeed(77);
        return PathComparisons.gradient(net, x, y);
    }

    private static INDArray withFusedGates(boolean enabled, Supplier<INDArray> computation) {
        return PathComparisons.with(FastPaths.FUSED_GATES, enabled, computation);
    }
}
