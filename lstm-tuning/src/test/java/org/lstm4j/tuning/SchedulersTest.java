package org.lstm4j.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lstm4j.tuning.Rates.assertRates;

import org.junit.jupiter.api.Test;
import org.lstm4j.api.EarlyStoppingSpec.Monitor;
import org.lstm4j.api.SchedulerSpec;
import org.lstm4j.api.TrainingListener;

class SchedulersTest {

    @Test
    void noneIsTheNoOpListener() {
        assertThat(Schedulers.forSpec(new SchedulerSpec.None(), 0.01, Monitor.VAL_LOSS)).isSameAs(TrainingListener.NONE);
    }

    @Test
    void plateauIsReduceLrOnPlateauWithTheMonitor() {
        TrainingListener listener = Schedulers.forSpec(SchedulerSpec.Plateau.defaults(), 0.01, Monitor.TRAIN_LOSS);

        assertThat(listener).isInstanceOf(ReduceLrOnPlateau.class);
        assertThat(((ReduceLrOnPlateau) listener).monitor()).isEqualTo(Monitor.TRAIN_LOSS);
    }

    @Test
    void cosineSetsEachEpochsRateAtItsStart() {
        TrainingListener listener = Schedulers.forSpec(new SchedulerSpec.Cosine(2, 0.1, 0), 1.1, Monitor.VAL_LOSS);

        FakeTraining run = FakeTraining.val(listener, 1.1, 1, 1, 1, 1);

        assertRates(run.ratesAndNext(), 1.1, 0.6, 0.1, 0.6, 1.1);
        assertThat(run.history.get(1).learningRate()).isEqualTo(0.6);
    }

    @Test
    void stepWithWarmUpStartsBelowTheBaseRate() {
        TrainingListener listener = Schedulers.forSpec(new SchedulerSpec.Step(2, 0.5, 2), 1.0, Monitor.VAL_LOSS);

        FakeTraining run = FakeTraining.val(listener, 1.0, 1, 1, 1, 1, 1);

        assertRates(run.ratesAndNext(), 0.5, 1, 1, 1, 0.5, 0.5);
        assertThat(run.control.learningRateChanges().get(0)).as("set in onStart").isEqualTo(0.5);
    }

    @Test
    void pureSchedulesAreAvailableForPlotsAndDocs() {
        assertThat(Schedulers.schedule(new SchedulerSpec.Cosine(10, 0, 0), 0.1)).containsInstanceOf(CosineAnnealing.class);
        assertThat(Schedulers.schedule(new SchedulerSpec.Step(10, 0.5, 3), 0.1)).containsInstanceOf(LinearWarmUp.class);
        assertThat(Schedulers.schedule(SchedulerSpec.Plateau.defaults(), 0.1)).isEmpty();
        assertThat(Schedulers.schedule(new SchedulerSpec.None(), 0.1)).isEmpty();
    }
}
