package org.lstm4j.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.lstm4j.tuning.Rates.assertRates;
import static org.lstm4j.tuning.Rates.repeat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstm4j.api.EarlyStoppingSpec.Monitor;
import org.lstm4j.api.RecordingTrainingControl;
import org.lstm4j.api.SchedulerSpec.Plateau;
import org.lstm4j.api.SchedulerSpec.ThresholdMode;

/**
 * Loss sequences -> the rate of every epoch (and of the epoch after the last), derived by hand from
 * PyTorch's ReduceLROnPlateau.step: better = a < best*(1-threshold) (rel) or a < best-threshold (abs);
 * bad epochs reset to 0 in cooldown; drop when num_bad_epochs > patience; new = max(old*factor, min_lr)
 * if old - new > eps.
 */
class ReduceLrOnPlateauTest {
    private static final double NAN = Double.NaN;

    private static Plateau plateau(double factor, int patience, double threshold, ThresholdMode mode, int cooldown,
                                   double minLr, double eps) {
        return new Plateau(factor, patience, threshold, mode, cooldown, minLr, eps, 0);
    }

    private static Plateau patience(int patience) {
        return plateau(0.1, patience, 1e-4, ThresholdMode.REL, 0, 0, 1e-8);
    }

    private static double[] v(double... values) {
        return values;
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // name, spec, base rate, losses, rates of epochs 1..n+1
                arguments("patience 2: drop on the 3rd bad epoch", patience(2), 1.0,
                        repeat(1, 7), v(1, 1, 1, 1, 0.1, 0.1, 0.1, 0.01)),
                arguments("patience 0: drop on every bad epoch", patience(0), 1.0,
                        repeat(1, 3), v(1, 1, 0.1, 0.01)),
                arguments("defaults: patience 10, drop after epoch 12", Plateau.defaults(), 1.0,
                        repeat(1, 13), v(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.1, 0.1)),
                arguments("factor 0.5", plateau(0.5, 0, 1e-4, ThresholdMode.REL, 0, 0, 1e-8), 1.0,
                        repeat(1, 3), v(1, 1, 0.5, 0.25)),
                arguments("an improvement resets the bad epochs", patience(2), 1.0,
                        v(1, 2, 2, 0.5, 2, 2, 2), v(1, 1, 1, 1, 1, 1, 1, 0.1)),
                arguments("rel: 99.5 is not below 100 * (1 - 0.01)", plateau(0.1, 0, 0.01, ThresholdMode.REL, 0, 0, 1e-8), 1.0,
                        v(100, 99.5, 99.5), v(1, 1, 0.1, 0.01)),
                arguments("abs: 99.5 is below 100 - 0.01", plateau(0.1, 0, 0.01, ThresholdMode.ABS, 0, 0, 1e-8), 1.0,
                        v(100, 99.5, 99.5), v(1, 1, 1, 0.1)),
                arguments("rel 1e-4: a gain of 0.005% is a bad epoch", patience(0), 1.0,
                        v(1, 0.99995, 0.9), v(1, 1, 0.1, 0.1)),
                arguments("abs 1e-4: a gain of 5e-5 is a bad epoch", plateau(0.1, 0, 1e-4, ThresholdMode.ABS, 0, 0, 1e-8), 1.0,
                        v(1, 0.99995, 0.9), v(1, 1, 0.1, 0.1)),
                arguments("cooldown 2, patience 0: no bad epochs counted in cooldown",
                        plateau(0.1, 0, 1e-4, ThresholdMode.REL, 2, 0, 1e-8), 1.0,
                        repeat(1, 7), v(1, 1, 0.1, 0.1, 0.1, 0.01, 0.01, 0.01)),
                arguments("cooldown 2, patience 2", plateau(0.1, 2, 1e-4, ThresholdMode.REL, 2, 0, 1e-8), 1.0,
                        repeat(1, 10), v(1, 1, 1, 1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.01, 0.01)),
                arguments("cooldown 1: an improvement in cooldown moves the best",
                        plateau(0.1, 0, 1e-4, ThresholdMode.REL, 1, 0, 1e-8), 1.0,
                        v(1, 1, 0.5, 0.6, 0.6), v(1, 1, 0.1, 0.1, 0.01, 0.01)),
                arguments("min_lr bounds the rate", plateau(0.1, 0, 1e-4, ThresholdMode.REL, 0, 0.05, 1e-8), 1.0,
                        repeat(1, 5), v(1, 1, 0.1, 0.05, 0.05, 0.05)),
                arguments("eps: a drop smaller than eps is skipped", patience(0), 1e-7,
                        repeat(1, 4), v(1e-7, 1e-7, 1e-8, 1e-8, 1e-8)),
                arguments("NaN is a bad epoch", patience(1), 1.0,
                        v(1, NAN, NAN), v(1, 1, 1, 0.1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void followsPyTorch(String name, Plateau spec, double base, double[] losses, double[] rates) {
        FakeTraining run = FakeTraining.val(new ReduceLrOnPlateau(spec, base, Monitor.VAL_LOSS), base, losses);

        assertRates(run.ratesAndNext(), rates);
    }

    @Test
    void countersFollowPyTorchsState() {
        ReduceLrOnPlateau plateau = new ReduceLrOnPlateau(plateau(0.1, 1, 1e-4, ThresholdMode.REL, 2, 0, 1e-8), 1.0,
                Monitor.VAL_LOSS);
        RecordingTrainingControl control = new RecordingTrainingControl(1.0);
        plateau.onStart(control);

        plateau.step(1.0, control);
        assertThat(plateau.best()).isEqualTo(1.0);
        assertThat(plateau.numBadEpochs()).isZero();
        plateau.step(1.0, control);
        assertThat(plateau.numBadEpochs()).isEqualTo(1);
        plateau.step(1.0, control);   // 2 > patience 1: drop
        assertThat(control.learningRate()).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(plateau.numBadEpochs()).isZero();
        assertThat(plateau.cooldownCounter()).isEqualTo(2);
        plateau.step(1.0, control);
        assertThat(plateau.cooldownCounter()).isEqualTo(1);
        assertThat(plateau.numBadEpochs()).isZero();
    }

    @Test
    void warmUpEpochsAreNotWatchedAndTheBaseRateFollows() {
        Plateau spec = Plateau.defaults().withPatience(0).withWarmupEpochs(2);

        // 5 then 6 would be a bad epoch if the warm-up were watched
        FakeTraining run = FakeTraining.val(new ReduceLrOnPlateau(spec, 1.0, Monitor.VAL_LOSS), 1.0, 5, 6, 1, 1, 1);

        assertRates(run.ratesAndNext(), 0.5, 1, 1, 1, 0.1, 0.01);
    }

    @Test
    void valLossMonitorWithoutValidationWatchesTheTrainLoss() {
        ReduceLrOnPlateau plateau = new ReduceLrOnPlateau(patience(0), 1.0, Monitor.VAL_LOSS);

        FakeTraining run = FakeTraining.train(plateau, 1.0, 1, 1, 1);

        assertRates(run.ratesAndNext(), 1, 1, 0.1, 0.01);
        assertThat(plateau.monitor()).isEqualTo(Monitor.TRAIN_LOSS);
    }

    @Test
    void valLossMonitorWatchesTheValidationLoss() {
        // train loss flat, validation improving
        FakeTraining run = FakeTraining.run(new ReduceLrOnPlateau(patience(0), 1.0, Monitor.VAL_LOSS), 1.0,
                v(1, 1, 1), v(3, 2, 1));

        assertRates(run.ratesAndNext(), 1, 1, 1, 1);
    }

    @Test
    void trainLossMonitorIgnoresTheValidationLoss() {
        FakeTraining run = FakeTraining.run(new ReduceLrOnPlateau(patience(0), 1.0, Monitor.TRAIN_LOSS), 1.0,
                v(1, 1, 1), v(3, 2, 1));

        assertRates(run.ratesAndNext(), 1, 1, 0.1, 0.01);
    }

    @Test
    void withoutWarmUpTheRateIsNotTouchedBeforeTheFirstDrop() {
        FakeTraining run = FakeTraining.val(new ReduceLrOnPlateau(patience(2), 1.0, Monitor.VAL_LOSS), 1.0, 1, 1, 1);

        assertThat(run.control.learningRateChanges()).isEmpty();
    }
}
