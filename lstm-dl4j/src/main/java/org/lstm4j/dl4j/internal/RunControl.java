package org.lstm4j.dl4j.internal;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.TrainingControl;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What listeners may do to one running training: stop it after the epoch, change the learning rate (optimizer
 * state kept), snapshot and restore the weights (the optimizer state is not restored).
 */
final class RunControl implements TrainingControl {
    private final MultiLayerNetwork net;
    private double learningRate;
    private StopReason stopReason;
    private INDArray best;

    RunControl(MultiLayerNetwork net, double learningRate) {
        this.net = net;
        this.learningRate = learningRate;
    }

    /** The first request wins; a null reason counts as {@link StopReason#REQUESTED}. */
    @Override
    public void requestStop(StopReason reason) {
        if (stopReason == null) {
            stopReason = reason == null ? StopReason.REQUESTED : reason;
        }
    }

    boolean stopRequested() {
        return stopReason != null;
    }

    StopReason stopReason() {
        return stopReason;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be > 0 and finite, was " + learningRate);
        }
        if (learningRate != this.learningRate) {
            // Sets every layer (LastTimeStep's conf() is its LSTM's) and rebuilds the updater over the same state:
            // Adam's moments and the iteration count are kept.
            net.setLearningRate(learningRate);
            this.learningRate = learningRate;
        }
    }

    @Override
    public void markBest() {
        // params() is a live view of the network's weights: copy it.
        best = net.params().dup();
    }

    @Override
    public void restoreBest() {
        if (best != null) {
            net.setParams(best); // copies into the network's parameter array; the snapshot stays intact
        }
    }
}
