package org.lstm4j.dl4j.internal;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Huber loss with PyTorch's {@code HuberLoss(delta, reduction="mean")} semantics; ND4J M2.1 has none.
 *
 * <p>Per element, with {@code d = prediction - target}:
 * {@code 0.5 d^2} when {@code |d| <= delta}, else {@code delta (|d| - 0.5 delta)}. A sample's score is the mean
 * over its outputs; DL4J then averages over the batch, so the total is the mean over every element, as PyTorch.
 * The gradient of a sample's score is {@code clamp(d, -delta, delta) / outputs} (DL4J divides by the batch size in
 * the updater, as for its own losses).
 */
final class HuberLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;

    private double delta;

    /** Delta 1, PyTorch's default. */
    HuberLoss() {
        this(1.0);
    }

    HuberLoss(double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("huber delta must be > 0 and finite, was " + delta);
        }
        this.delta = delta;
    }

    public double getDelta() {
        return delta;
    }

    public void setDelta(double delta) {
        this.delta = delta;
    }

    /** Per-element loss, masked, {@code [batch, outputs]}. */
    private INDArray elementLoss(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray output = activationFn.getActivation(preOutput.dup(), true);
        INDArray abs = Transforms.abs(output.subi(labels.castTo(output.dataType())), false);
        INDArray quadratic = Transforms.min(abs, delta, true);
        // 0.5 * min(|d|, delta)^2 + delta * (|d| - min(|d|, delta))
        INDArray loss = abs.subi(quadratic).muli(delta).addi(quadratic.muli(quadratic).muli(0.5));
        if (mask != null) {
            LossUtil.applyMask(loss, mask);
        }
        return loss;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double score = elementLoss(labels, preOutput, activationFn, mask).sumNumber().doubleValue() / labels.size(1);
        return average ? score / labels.size(0) : score;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return elementLoss(labels, preOutput, activationFn, mask).sum(true, 1).divi(labels.size(1));
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray output = activationFn.getActivation(preOutput.dup(), true);
        INDArray diff = output.subi(labels.castTo(output.dataType()));
        INDArray dLdOutput = Transforms.max(Transforms.min(diff, delta, false), -delta, false).divi(labels.size(1));
        if (mask != null && LossUtil.isPerOutputMasking(dLdOutput, mask)) {
            LossUtil.applyMask(dLdOutput, mask);
        }
        INDArray gradient = activationFn.backprop(preOutput.dup(), dLdOutput).getFirst();
        if (mask != null) {
            LossUtil.applyMask(gradient, mask);
        }
        return gradient;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return Pair.of(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HuberLoss other && Double.compare(delta, other.delta) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(delta);
    }

    @Override
    public String toString() {
        return "HuberLoss(delta=" + delta + ")";
    }
}
