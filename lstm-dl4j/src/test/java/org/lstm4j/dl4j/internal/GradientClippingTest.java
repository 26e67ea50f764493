package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.GradientClippingSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec.OptimizerType;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.dl4j.SineWindows;
import org.lstm4j.dl4j.TestSpecs;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * With plain SGD at learning rate 1 a step changes the parameters by exactly the (clipped) gradient, so the bound
 * shows in the parameter change.
 */
class GradientClippingTest {
    private final SineWindows data = SineWindows.of(60, 6, 2, 2, 3.0); // amplitude 3: big gradients
    private final SampleShape shape = SampleShape.of(data);
    private final ModelSpec model = TestSpecs.model().withNumLayers(2).withHiddenSize(6);
    private final TrainingSpec sgd = TestSpecs.training(1).withOptimizer(TestSpecs.optimizer(OptimizerType.SGD, 1.0, 0.0));
    private final DataSet batch = new Batches(data).dataSet(null, 0, 20);

    @Test
    void normBoundsTheGlobalNormOfTheUpdateAndKeepsItsDirection() {
        double maxNorm = 0.1;
        INDArray free = change(sgd);
        INDArray clipped = change(TestSpecs.withClipping(sgd, new GradientClippingSpec.Norm(maxNorm)));
        double freeNorm = free.norm2Number().doubleValue();
        assertThat(freeNorm).as("the unclipped step is larger than the bound").isGreaterThan(10 * maxNorm);
        assertThat(clipped.norm2Number().doubleValue()).isLessThanOrEqualTo(maxNorm * (1 + 1e-5))
                .isCloseTo(maxNorm, within(maxNorm * 1e-4));
        // every parameter scaled by the same factor, PyTorch's max_norm / (norm + 1e-6)
        INDArray expected = free.mul(maxNorm / (freeNorm + GradientClipping.NORM_EPSILON));
        assertThat(clipped.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-6);
    }

    @Test
    void aNormBelowTheBoundIsLeftAlone() {
        INDArray free = change(sgd);
        INDArray loose = change(TestSpecs.withClipping(sgd, new GradientClippingSpec.Norm(1e6)));
        assertThat(loose).isEqualTo(free);
    }

    @Test
    void valueBoundsEveryElementOfTheUpdate() {
        double maxValue = 0.01;
        INDArray free = change(sgd);
        INDArray clipped = change(TestSpecs.withClipping(sgd, new GradientClippingSpec.Value(maxValue)));
        assertThat(free.amaxNumber().doubleValue()).isGreaterThan(10 * maxValue);
        assertThat(clipped.amaxNumber().doubleValue()).isLessThanOrEqualTo(maxValue * (1 + 1e-6));
        for (long i = 0; i < free.length(); i++) {
            double f = free.getDouble(i);
            double expected = Math.max(-maxValue, Math.min(maxValue, f));
            assertThat(clipped.getDouble(i)).as("element %d", i).isCloseTo(expected, within(1e-7));
        }
    }

    /** BatchNorm's running statistics are buffers, not parameters: their update is neither clipped nor counted. */
    @Test
    void batchNormRunningStatisticsAreNotClipped() {
        ModelSpec withBatchNorm = TestSpecs.withBatchNorm(model, true);
        TrainingSpec clippedSpec = TestSpecs.withClipping(sgd, new GradientClippingSpec.Norm(1e-3));
        ComputationGraph free = step(withBatchNorm, sgd);
        ComputationGraph clipped = step(withBatchNorm, clippedSpec);
        String mean = NetworkFactory.BATCH_NORM + "_mean";
        assertThat(clipped.getParam(mean)).isEqualTo(free.getParam(mean));
        assertThat(clipped.getParam(mean).amaxNumber().doubleValue()).isGreaterThan(1e-3);
        ComputationGraph untouched = NetworkFactory.build(shape, withBatchNorm, sgd, 4);
        String gamma = NetworkFactory.BATCH_NORM + "_gamma";
        double gammaChange = clipped.getParam(gamma).sub(untouched.getParam(gamma)).norm2Number().doubleValue();
        assertThat(gammaChange).isLessThanOrEqualTo(1e-3 * (1 + 1e-4));
    }

    @Test
    void globalNormIsTheNormOfAllGradientsTogether() {
        INDArray a = org.nd4j.linalg.factory.Nd4j.createFromArray(3.0, 0.0);
        INDArray b = org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{0.0, 4.0}});
        assertThat(GradientClipping.globalNorm(List.of(a, b))).isEqualTo(5.0);
        GradientClipping.apply(new GradientClippingSpec.Norm(1.0), List.of(a, b));
        assertThat(a.getDouble(0)).isCloseTo(3.0 / (5.0 + 1e-6), within(1e-12));
        assertThat(b.getDouble(0, 1)).isCloseTo(4.0 / (5.0 + 1e-6), within(1e-12));
    }

    /** The parameter change of one step with {@code spec}. */
    private INDArray change(TrainingSpec spec) {
        INDArray before = NetworkFactory.build(shape, model, spec, 4).params().dup();
        return before.sub(step(model, spec).params());
    }

    private ComputationGraph step(ModelSpec m, TrainingSpec spec) {
        ComputationGraph net = NetworkFactory.build(shape, m, spec, 4);
        new OptimizerStep(net, spec).apply(1, batch.numExamples(), i -> batch);
        return net;
    }
}
