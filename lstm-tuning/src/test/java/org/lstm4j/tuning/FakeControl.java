package org.lstm4j.tuning;

import java.util.ArrayList;
import java.util.List;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.TrainingControl;

/** A TrainingControl that records what listeners ask of it. */
final class FakeControl implements TrainingControl {
    double learningRate;
    StopReason stopReason;
    int currentEpoch;
    final List<Integer> markedAt = new ArrayList<>();
    final List<Double> setRates = new ArrayList<>();
    int restoreCalls;
    int restoredEpoch;
    private int bestSnapshot;

    FakeControl(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public void requestStop(StopReason reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        setRates.add(learningRate);
        this.learningRate = learningRate;
    }

    @Override
    public void markBest() {
        markedAt.add(currentEpoch);
        bestSnapshot = currentEpoch;
    }

    @Override
    public void restoreBest() {
        restoreCalls++;
        restoredEpoch = bestSnapshot;
    }

    @Override
    public org.lstm4j.api.TrainedModel currentModel() {
        throw new UnsupportedOperationException("the fake control has no network");
    }
}
