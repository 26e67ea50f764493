package org.lstm4j.dl4j.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.samediff.AbstractSameDiffLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.TrainingControl;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What listeners may do to one running training: stop it after the epoch, change the learning rate (optimizer
 * state kept), snapshot and restore the weights (the optimizer state is not restored).
 */
final class RunControl implements TrainingControl {
    private final ComputationGraph net;
    private double learningRate;
    private StopReason stopReason;
    private INDArray best;

    private final TrainedModel view;

    RunControl(ComputationGraph net, double learningRate) {
        this(net, learningRate, null);
    }

    /** @param view the trained-model face of {@code net}, handed to listeners by {@link #currentModel()} */
    RunControl(ComputationGraph net, double learningRate, TrainedModel view) {
        this.net = net;
        this.learningRate = learningRate;
        this.view = view;
    }

    @Override
    public TrainedModel currentModel() {
        if (view == null) {
            throw new IllegalStateException("this control has no model view");
        }
        return view;
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
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            // 0 is allowed, as in PyTorch: cosine annealing to eta_min 0 ends there
            throw new IllegalArgumentException("learning rate must be >= 0 and finite, was " + learningRate);
        }
        if (learningRate != this.learningRate) {
            // DL4J's setLearningRate reaches only BaseLayer configurations, not the SameDiff attention layer: set
            // that one first, in place; setLearningRate then rebuilds the updater over the same state (Adam's
            // moments and the iteration count are kept) from every layer's configuration.
            for (Layer layer : net.getLayers()) {
                if (layer.conf().getLayer() instanceof AbstractSameDiffLayer sameDiff) {
                    sameDiff.getUpdater().setLrAndSchedule(learningRate, null);
                    if (sameDiff.getBiasUpdater() != null) {
                        sameDiff.getBiasUpdater().setLrAndSchedule(learningRate, null);
                    }
                }
            }
            net.setLearningRate(learningRate);
            this.learningRate = learningRate;
        }
    }

    /** Also snapshots BatchNorm's running statistics, which DL4J keeps among the parameters. */
    @Override
    public void markBest() {
        // params() is a live view of the network's weights: copy it.
        best = net.params().dup();
    }

    /** The weights saved by the last {@link #markBest()}, or null: for a checkpoint. Do not modify. */
    INDArray marked() {
        return best;
    }

    /** Takes {@code weights} (or null for none) as the last {@link #markBest()}'s, when a training resumes. */
    void restoreMarked(INDArray weights) {
        best = weights;
    }

    @Override
    public void restoreBest() {
        if (best != null) {
            net.setParams(best); // copies into the network's parameter array; the snapshot stays intact
        }
    }
}
