package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.ModelSpec.BidirectionalMerge;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.TrainingSpec.Precision;
import org.lstm4j.dl4j.TestSpecs;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The bidirectional head reads PyTorch's h_n: the backward direction after it has read the whole window. */
class BidirectionalLstmTest {
    private static final int HIDDEN = 5;
    private final SampleShape shape = new SampleShape(8, 2, 1);
    private final ModelSpec bilstm = TestSpecs.model().withArchitecture(Architecture.BILSTM).withHiddenSize(HIDDEN);

    /**
     * Changing only the first element of a window changes the backward half of the features (the backward LSTM read
     * it last), and the forward half too. DL4J's {@code LastTimeStep(Bidirectional(lstm))} would leave the backward
     * half unchanged: at step T-1 its backward direction has read x[T-1] only.
     */
    @ParameterizedTest(name = "{0} layer(s)")
    @ValueSource(ints = {1, 2})
    void theFirstElementReachesBothHalvesOfTheFeatures(int layers) {
        ComputationGraph net = NetworkFactory.build(shape, bilstm.withNumLayers(layers), TestSpecs.training(1), 3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 2, 8);
        INDArray changed = x.dup();
        changed.putScalar(new long[] {0, 0, 0}, x.getFloat(0, 0, 0) + 1f); // sample 0, feature 0, step 0

        INDArray before = features(net, x);
        INDArray after = features(net, changed);
        assertThat(before.shape()).containsExactly(4, 2 * HIDDEN);
        INDArray forward = before.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, HIDDEN));
        INDArray backward = before.get(NDArrayIndex.point(0), NDArrayIndex.interval(HIDDEN, 2 * HIDDEN));
        double forwardChange = after.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, HIDDEN)).sub(forward)
                .amaxNumber().doubleValue();
        double backwardChange = after.get(NDArrayIndex.point(0), NDArrayIndex.interval(HIDDEN, 2 * HIDDEN)).sub(backward)
                .amaxNumber().doubleValue();
        assertThat(backwardChange).as("backward half").isGreaterThan(1e-3);
        assertThat(forwardChange).as("forward half").isGreaterThan(1e-5);
        // the other windows of the batch are untouched
        assertThat(after.get(NDArrayIndex.interval(1, 4), NDArrayIndex.all()))
                .isEqualTo(before.get(NDArrayIndex.interval(1, 4), NDArrayIndex.all()));
    }

    /** The backward half is the backward LSTM's last output in reversed time, i.e. after reading back to step 0. */
    @Test
    void theBackwardHalfIsTheBackwardLstmAfterTheWholeReversedWindow() {
        ComputationGraph net = NetworkFactory.build(shape, bilstm, TestSpecs.training(1), 3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 8);
        Map<String, INDArray> activations = net.feedForward(new INDArray[] {x}, false, false);
        INDArray reversedInput = activations.get(BidirectionalLstm.REVERSED + 0);
        assertThat(reversedInput.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(0)))
                .isEqualTo(x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(7)));
        INDArray backwardOutputs = activations.get(BidirectionalLstm.BACKWARD + 0);
        INDArray features = activations.get(BidirectionalLstm.FEATURES);
        assertThat(features.get(NDArrayIndex.all(), NDArrayIndex.interval(HIDDEN, 2 * HIDDEN)))
                .isEqualTo(backwardOutputs.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(7)));
        assertThat(features.get(NDArrayIndex.all(), NDArrayIndex.interval(0, HIDDEN)))
                .isEqualTo(activations.get(BidirectionalLstm.FORWARD + 0)
                        .get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(7)));
    }

    @Test
    void sumAndAverageMergeTheTwoDirections() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 8);
        for (BidirectionalMerge merge : new BidirectionalMerge[] {BidirectionalMerge.SUM, BidirectionalMerge.AVERAGE}) {
            ComputationGraph net = NetworkFactory.build(shape, TestSpecs.withMerge(bilstm, merge), TestSpecs.training(1), 3);
            Map<String, INDArray> activations = net.feedForward(new INDArray[] {x}, false, false);
            INDArray sum = activations.get(BidirectionalLstm.FORWARD_LAST).add(activations.get(BidirectionalLstm.BACKWARD_LAST));
            INDArray expected = merge == BidirectionalMerge.SUM ? sum : sum.div(2);
            assertThat(activations.get(BidirectionalLstm.FEATURES).sub(expected).amaxNumber().doubleValue())
                    .as("%s", merge).isLessThan(1e-6);
            assertThat(activations.get(BidirectionalLstm.FEATURES).shape()).containsExactly(3, HIDDEN);
        }
    }

    /** PyTorch drops the lower layer's output once; both directions of the upper layer read the same dropped values. */
    @Test
    void bothDirectionsOfAnUpperLayerSeeTheSameDroppedInput() {
        ComputationGraph net = NetworkFactory.build(shape, bilstm.withNumLayers(2).withDropout(0.5), TestSpecs.training(1), 3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 8);
        Map<String, INDArray> training = net.feedForward(new INDArray[] {x}, true, false);
        INDArray dropped = training.get(BidirectionalLstm.DROPOUT + 1);
        assertThat(dropped.shape()).containsExactly(3, 2 * HIDDEN, 8);
        long zeros = dropped.eq(0).castTo(DataType.INT).sumNumber().longValue();
        assertThat(zeros).isBetween(dropped.length() / 4, dropped.length() * 3 / 4);
        INDArray reversed = training.get(BidirectionalLstm.REVERSED + 1);
        for (int t = 0; t < 8; t++) {
            assertThat(reversed.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t)))
                    .isEqualTo(dropped.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(7 - t)));
        }
        // inference: no dropout
        Map<String, INDArray> inference = net.feedForward(new INDArray[] {x}, false, false);
        assertThat(inference.get(BidirectionalLstm.DROPOUT + 1)).isEqualTo(inference.get(BidirectionalLstm.LAYER + 0));
    }

    /** Backpropagation through the reversing vertices and the merges is exact: float64 gradient check, two layers. */
    @Test
    void passesAFloat64GradientCheck() {
        TrainingSpec sgd = TestSpecs.withPrecision(TestSpecs.training(1)
                .withOptimizer(TestSpecs.optimizer(org.lstm4j.api.OptimizerSpec.OptimizerType.SGD, 1.0, 0.0)), Precision.FLOAT64);
        SampleShape small = new SampleShape(3, 2, 2);
        ComputationGraph net = NetworkFactory.build(small, bilstm.withNumLayers(2).withHiddenSize(2), sgd, 7);
        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 3);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2);
        assertThat(GradientChecks.passes(net, x, y, null)).isTrue();
    }

    private static INDArray features(ComputationGraph net, INDArray x) {
        return net.feedForward(new INDArray[] {x}, false, false).get(BidirectionalLstm.FEATURES);
    }
}
