package org.lstm4j.tuning;

import java.util.ArrayList;
import java.util.List;
import org.lstm4j.api.BackendInfo;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.RecordingTrainingControl;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingResult;

/** The epoch loop of a trainer, without a network: the losses are given. */
final class FakeTraining {
    final RecordingTrainingControl control;
    /** Learning rate used in epoch i + 1. */
    final List<Double> rates = new ArrayList<>();
    final List<EpochResult> history = new ArrayList<>();
    StopReason stopReason = StopReason.COMPLETED;

    private FakeTraining(double baseRate) {
        this.control = new RecordingTrainingControl(baseRate);
    }

    /** Trains on validation losses {@code val} (train loss = val + 1); stops when asked. */
    static FakeTraining val(TrainingListener listener, double baseRate, double... val) {
        double[] train = new double[val.length];
        for (int i = 0; i < val.length; i++) {
            train[i] = val[i] + 1;
        }
        return run(listener, baseRate, train, val);
    }

    /** Trains without validation on train losses {@code train}. */
    static FakeTraining train(TrainingListener listener, double baseRate, double... train) {
        double[] val = new double[train.length];
        java.util.Arrays.fill(val, Double.NaN);
        return run(listener, baseRate, train, val);
    }

    static FakeTraining run(TrainingListener listener, double baseRate, double[] train, double[] val) {
        FakeTraining t = new FakeTraining(baseRate);
        listener.onStart(t.control);
        for (int e = 1; e <= train.length; e++) {
            t.control.atEpoch(e);
            double rate = t.control.learningRate();
            t.rates.add(rate);
            EpochResult result = EpochResult.builder().epoch(e).trainLoss(train[e - 1]).valLoss(val[e - 1]).learningRate(rate)
                    .seconds(0.01).build();
            t.history.add(result);
            listener.onEpochEnd(result, t.control);
            if (t.control.stopRequested()) {
                t.stopReason = t.control.stopReason().orElseThrow();
                break;
            }
        }
        listener.onEnd(TrainingResult.builder().history(t.history).stopReason(t.stopReason).trainSeconds(0.1)
                .backend(new BackendInfo("fake", "none", 1)).seed(1).build());
        return t;
    }

    /** The rates of every epoch run, then the rate the next epoch would use. */
    List<Double> ratesAndNext() {
        List<Double> all = new ArrayList<>(rates);
        all.add(control.learningRate());
        return all;
    }

    int epochsRun() {
        return history.size();
    }
}
