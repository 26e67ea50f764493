package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.TrainingSpec.Precision;
import org.lstm4j.dl4j.TestSpecs;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the tests that compare one of {@link FastPaths}' paths with what it replaces share. */
final class PathComparisons {
    private PathComparisons() {
    }

    /** {@code computation}'s result with the boolean system property {@code switchName} set, cleared afterwards. */
    static <T> T with(String switchName, boolean enabled, Supplier<T> computation) {
        System.setProperty(switchName, Boolean.toString(enabled));
        try {
            return computation.get();
        } finally {
            System.clearProperty(switchName);
        }
    }

    /** A copy of every parameter's gradient of one training pass of {@code net} on {@code x, y}. */
    static INDArray gradient(ComputationGraph net, INDArray x, INDArray y) {
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.getFlattenedGradients().dup();
    }

    /**
     * Checks, on a one-layer LSTM(8) network, that the switch {@code switchName} is read per training pass: set
     * between two passes it decides which path the next one takes ({@code ranFastPath} asks the layer), and cleared
     * the fast path runs again (the default).
     */
    static void assertSwitchTakesEffectBetweenPasses(String switchName, Predicate<FastLstmLayer> ranFastPath) {
        SampleShape shape = new SampleShape(4, 1, 1);
        ComputationGraph net = NetworkFactory.build(shape, TestSpecs.model().withHiddenSize(8), TestSpecs.training(1),
                3);
        FastLstmLayer layer = (FastLstmLayer) net.getLayer("lstm0");
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 1, 4);
        INDArray y = Nd4j.rand(DataType.FLOAT, 16, 1);
        with(switchName, true, () -> gradient(net, x, y));
        assertThat(ranFastPath.test(layer)).as(switchName + "=true").isTrue();
        with(switchName, false, () -> gradient(net, x, y));
        assertThat(ranFastPath.test(layer)).as(switchName + "=false").isFalse();
        gradient(net, x, y);
        assertThat(ranFastPath.test(layer)).as(switchName + " cleared").isTrue();
    }

    /** A network, its first LSTM layer, and a seeded batch of 37 windows of 7 steps x 3 features with 2 targets. */
    record Fixture(ComputationGraph net, FastLstmLayer first, INDArray x, INDArray y) {
    }

    /** The {@link Fixture} of {@code model} in {@code precision}, its weights from seed 21 and its batch from seed 5. */
    static Fixture fixture(ModelSpec model, Precision precision) {
        int window = 7;
        TrainingSpec training = TestSpecs.withPrecision(TestSpecs.training(1), precision);
        ComputationGraph net = NetworkFactory.build(new SampleShape(window, 3, 2), model, training, 21);
        FastLstmLayer first = (FastLstmLayer) net.getLayer(model.architecture() == Architecture.BILSTM ? "fwd0"
                : "lstm0");
        DataType type = precision == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(type, 37, 3, window).subi(0.5).muli(6);
        INDArray y = Nd4j.rand(type, 37, 2);
        return new Fixture(net, first, x, y);
    }

    static double maxAbsDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}
