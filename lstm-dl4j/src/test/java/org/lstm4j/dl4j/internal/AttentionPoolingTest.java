package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
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
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The attention pooling layer: exact gradients, weights that are a softmax over time, masks honoured. */
class AttentionPoolingTest {
    private final ModelSpec attention = TestSpecs.withAttentionSize(
            TestSpecs.model().withArchitecture(Architecture.ATTENTION).withHiddenSize(3), 4);
    private final TrainingSpec sgdFloat64 = TestSpecs.withPrecision(TestSpecs.training(1)
            .withOptimizer(TestSpecs.optimizer(OptimizerType.SGD, 1.0, 0.0)), Precision.FLOAT64);

    /**
     * Every parameter of the network (the LSTM below the attention too, so the gradient the layer passes down is
     * checked as well) against central differences, in float64. Without the halving of DL4J M2.1's doubled
     * SameDiff gradients this fails.
     */
    @Test
    void passesAFloat64GradientCheck() {
        SampleShape shape = new SampleShape(5, 2, 2);
        ComputationGraph net = NetworkFactory.build(shape, attention, sgdFloat64, 5);
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 5).subi(0.5).muli(4);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2);
        assertThat(GradientChecks.passes(net, x, y, null)).isTrue();
    }

    @Test
    void passesAFloat64GradientCheckWithAMask() {
        SampleShape shape = new SampleShape(5, 2, 1);
        ComputationGraph net = NetworkFactory.build(shape, attention, sgdFloat64, 5);
        Nd4j.getRandom().setSeed(12);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 2, 5).subi(0.5).muli(4);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 1);
        INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}, {1, 0, 0, 0, 0}});
        assertThat(GradientChecks.passes(net, x, y, mask)).isTrue();
    }

    /** The pooled context is sum over t of weight[t] * h[t], with the weights {@link AttentionScores} reports. */
    @Test
    void weightsAreASoftmaxOverTimeAndPoolTheLstmOutputs() {
        SampleShape shape = new SampleShape(6, 1, 1);
        ComputationGraph net = NetworkFactory.build(shape, attention, TestSpecs.training(1), 8);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 6).muli(3);
        Map<String, INDArray> activations = net.feedForward(new INDArray[] {x}, false, false);
        INDArray outputs = activations.get("lstm0");
        INDArray context = activations.get(NetworkFactory.ATTENTION);
        double[][] weights = AttentionScores.weights(outputs, net.getLayer(NetworkFactory.ATTENTION).paramTable());
        assertThat(weights).hasDimensions(4, 6);
        double spread = 0;
        for (int i = 0; i < 4; i++) {
            assertThat(java.util.Arrays.stream(weights[i]).sum()).isCloseTo(1.0, within(1e-12));
            assertThat(java.util.Arrays.stream(weights[i]).min().orElseThrow()).isPositive();
            spread = Math.max(spread, java.util.Arrays.stream(weights[i]).max().orElseThrow()
                    - java.util.Arrays.stream(weights[i]).min().orElseThrow());
            for (int h = 0; h < 3; h++) {
                double pooled = 0;
                for (int t = 0; t < 6; t++) {
                    pooled += weights[i][t] * outputs.getDouble(i, h, t);
                }
                assertThat(context.getDouble(i, h)).isCloseTo(pooled, within(1e-5));
            }
        }
        assertThat(spread).as("not uniform").isGreaterThan(1e-4);
    }

    /**
     * Masked steps get weight 0: the context is the softmax over the unmasked steps only, so values at masked steps
     * cannot change it.
     */
    @Test
    void maskedStepsGetNoWeight() {
        SampleShape shape = new SampleShape(6, 1, 1);
        ComputationGraph net = NetworkFactory.build(shape, attention, TestSpecs.training(1), 8);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 6);
        INDArray mask = Nd4j.createFromArray(new float[][] {{1, 1, 1, 1, 0, 0}, {1, 1, 1, 1, 1, 1}});
        Map<String, INDArray> activations = masked(net, x, mask);
        INDArray context = activations.get(NetworkFactory.ATTENTION);
        INDArray outputs = activations.get("lstm0");
        INDArray unmasked = outputs.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all(), NDArrayIndex.interval(0, 4)).dup();
        double[] weights = AttentionScores.weights(unmasked, net.getLayer(NetworkFactory.ATTENTION).paramTable())[0];
        for (int h = 0; h < 3; h++) {
            double pooled = 0;
            for (int t = 0; t < 4; t++) {
                pooled += weights[t] * unmasked.getDouble(0, h, t);
            }
            assertThat(context.getDouble(0, h)).isCloseTo(pooled, within(1e-5));
        }
        INDArray changed = x.dup();
        changed.putScalar(new long[] {0, 0, 4}, 9f);
        changed.putScalar(new long[] {0, 0, 5}, -9f);
        INDArray again = masked(net, changed, mask).get(NetworkFactory.ATTENTION);
        assertThat(again.getRow(0)).isEqualTo(context.getRow(0));
        // without the mask the same change does move the context
        INDArray free = net.feedForward(new INDArray[] {changed}, false, false).get(NetworkFactory.ATTENTION);
        assertThat(free.getRow(0).sub(context.getRow(0)).amaxNumber().doubleValue()).isGreaterThan(1e-4);
    }

    private static Map<String, INDArray> masked(ComputationGraph net, INDArray x, INDArray mask) {
        net.setLayerMaskArrays(new INDArray[] {mask}, null);
        try {
            return net.feedForward(new INDArray[] {x}, false, false);
        } finally {
            net.clearLayerMaskArrays();
        }
    }

    @Test
    void handlesAnyBatchSize() {
        SampleShape shape = new SampleShape(6, 1, 2);
        ComputationGraph net = NetworkFactory.build(shape, attention, TestSpecs.training(1), 8);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 1, 6);
        INDArray all = net.outputSingle(false, x);
        for (int i = 0; i < 5; i++) {
            INDArray one = net.outputSingle(false, x.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all(), NDArrayIndex.all()).dup());
            assertThat(one.sub(all.getRow(i).reshape(1, 2)).amaxNumber().doubleValue()).isLessThan(1e-6);
        }
    }
}
