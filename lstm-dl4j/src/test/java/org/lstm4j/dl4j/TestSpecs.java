package org.lstm4j.dl4j;

import org.lstm4j.api.BatchSize;
import org.lstm4j.api.GradientClippingSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.TrainingSpec;

/** Small specs for fast tests. */
public final class TestSpecs {
    private TestSpecs() {
    }

    /** LSTM(16) x 1. */
    public static ModelSpec model() {
        return ModelSpec.defaults().withHiddenSize(16).withNumLayers(1);
    }

    /** {@code epochs} of Adam(0.01), batches of 32, shuffled, MSE. */
    public static TrainingSpec training(int epochs) {
        return TrainingSpec.defaults().withEpochs(epochs).withBatchSize(BatchSize.of(32))
                .withOptimizer(OptimizerSpec.adam(0.01));
    }

    /** {@code base} with these four settings. */
    public static TrainingSpec with(TrainingSpec base, double weightDecay, GradientClippingSpec clipping,
                                    int accumulationSteps, TrainingSpec.Precision precision) {
        return base.withWeightDecay(weightDecay).withGradientClipping(clipping).withAccumulationSteps(accumulationSteps)
                .withPrecision(precision);
    }

    public static TrainingSpec withWeightDecay(TrainingSpec base, double weightDecay) {
        return with(base, weightDecay, base.gradientClipping(), base.accumulationSteps(), base.precision());
    }

    public static OptimizerSpec optimizer(OptimizerSpec.OptimizerType type, double learningRate, double momentum) {
        return OptimizerSpec.defaults().withType(type).withLearningRate(learningRate).withMomentum(momentum);
    }

    public static TrainingSpec withPrecision(TrainingSpec base, TrainingSpec.Precision precision) {
        return with(base, base.weightDecay(), base.gradientClipping(), base.accumulationSteps(), precision);
    }

    public static TrainingSpec withClipping(TrainingSpec base, GradientClippingSpec clipping) {
        return with(base, base.weightDecay(), clipping, base.accumulationSteps(), base.precision());
    }

    public static TrainingSpec withAccumulation(TrainingSpec base, int accumulationSteps) {
        return with(base, base.weightDecay(), base.gradientClipping(), accumulationSteps, base.precision());
    }

    /** {@code base} with BatchNorm on or off. */
    public static ModelSpec withBatchNorm(ModelSpec base, boolean batchNorm) {
        return base.withBatchNorm(batchNorm);
    }

    public static ModelSpec withMerge(ModelSpec base, ModelSpec.BidirectionalMerge merge) {
        return base.withBidirectionalMerge(merge);
    }

    public static ModelSpec withAttentionSize(ModelSpec base, int attentionSize) {
        return base.withAttentionSize(attentionSize);
    }
}
