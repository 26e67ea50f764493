package org.lstm4j.dl4j.internal;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * SGD with classic (heavy-ball) momentum, PyTorch's {@code SGD(lr, momentum)} with dampening 0 and Nesterov off:
 * {@code buf = momentum * buf + g; w -= lr * buf}. ND4J has only Nesterov momentum ({@code Nesterovs}).
 * Configuration only; {@link SgdMomentumUpdater} does the arithmetic.
 */
final class SgdMomentum implements IUpdater {
    private static final long serialVersionUID = 1L;

    private double learningRate;
    private ISchedule learningRateSchedule;
    private double momentum;

    /** For JSON (de)serialisation of network configurations. */
    SgdMomentum() {
        this(0.01, 0.9);
    }

    SgdMomentum(double learningRate, double momentum) {
        this(learningRate, null, momentum);
    }

    private SgdMomentum(double learningRate, ISchedule learningRateSchedule, double momentum) {
        this.learningRate = learningRate;
        this.learningRateSchedule = learningRateSchedule;
        this.momentum = momentum;
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    public void setLearningRateSchedule(ISchedule learningRateSchedule) {
        this.learningRateSchedule = learningRateSchedule;
    }

    public double getMomentum() {
        return momentum;
    }

    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        SgdMomentumUpdater updater = new SgdMomentumUpdater(this);
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        SgdMomentumUpdater updater = new SgdMomentumUpdater(this);
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public SgdMomentum clone() {
        return new SgdMomentum(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(), momentum);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    // DL4J groups parameters whose updater configurations are equal into one block: equality must be by value.
    @Override
    public boolean equals(Object o) {
        return o instanceof SgdMomentum other
                && Double.compare(learningRate, other.learningRate) == 0
                && Double.compare(momentum, other.momentum) == 0
                && Objects.equals(learningRateSchedule, other.learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, learningRateSchedule);
    }

    @Override
    public String toString() {
        return "SgdMomentum(learningRate=" + learningRate + ", momentum=" + momentum + ")";
    }
}
