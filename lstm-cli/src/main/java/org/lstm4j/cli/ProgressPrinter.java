package org.lstm4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingResult;

/**
 * Prints the loss about ten times per training (every 10 epochs of 100), and the first and last epoch; a resumed
 * training says from which epoch it goes on.
 */
final class ProgressPrinter implements TrainingListener {
    private final PrintWriter out;
    private final int epochs;
    private final int every;

    ProgressPrinter(PrintWriter out, int epochs) {
        this.out = out;
        this.epochs = epochs;
        this.every = Math.max(1, epochs / 10);
    }

    /** Says where the run picks up; epochs before it are not printed again. */
    @Override
    public void onResume(TrainingControl control, int epochsCompleted) {
        out.printf(Locale.ROOT, "resuming from the checkpoint of epoch %d/%d  lr %.2g%n", epochsCompleted, epochs,
                control.learningRate());
        out.flush();
    }

    @Override
    public void onEpochEnd(EpochResult epoch, TrainingControl control) {
        if (epoch.epoch() == 1 || epoch.epoch() % every == 0 || epoch.epoch() == epochs) {
            out.printf(Locale.ROOT, "epoch %4d/%d  train_loss %.6f%s  lr %.2g  %.2fs%n", epoch.epoch(), epochs, epoch.trainLoss(),
                    epoch.hasValidation() ? String.format(Locale.ROOT, "  val_loss %.6f", epoch.valLoss()) : "",
                    epoch.learningRate(), epoch.seconds());
            out.flush();
        }
    }

    @Override
    public void onEnd(TrainingResult result) {
        out.printf(Locale.ROOT, "trained %d epochs in %.1fs (%s); best epoch %d%n", result.epochsRun(), result.trainSeconds(),
                result.stopReason().name().toLowerCase(Locale.ROOT), result.bestEpoch());
        out.flush();
    }
}
