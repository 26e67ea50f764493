package org.lstm4j.core.many;

import java.util.Locale;
import org.lstm4j.api.Backend;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.ExperimentResult;
import org.lstm4j.data.DataException;
import org.lstm4j.data.LongFormatSeries;
import org.lstm4j.data.Series;

/**
 * Trains and evaluates one series of a many-series experiment: the whole work of a series as a function of the
 * experiment and the series, touching no file, so a local thread pool or a Spark task can call it alike.
 *
 * <p>The series runs the experiment's settings with its own seed ({@link SeriesSeeds}) and one compute thread
 * ({@code training.threads: 1}, so that series training side by side do not oversubscribe the cores, and a series
 * gives the same bits in any pool). Its scalers are fitted on its own train part. A series the settings cannot use
 * (missing values under {@code data.missing: error}, a constant target, too short for the window and horizon) is
 * {@link SeriesStatus#SKIPPED} with the reason; one whose training diverges or throws is {@link SeriesStatus#FAILED}.
 */
public final class SeriesTask {
    private SeriesTask() {}

    /** The experiment as series {@code id} runs it: its own seed, one compute thread. */
    public static ExperimentSpec specFor(ExperimentSpec experiment, String id) {
        return experiment.withSeed(SeriesSeeds.of(experiment.seed(), id))
                .withTraining(experiment.training().withThreads(1));
    }

    /**
     * Runs series {@code series} of {@code experiment} on {@code backend}.
     *
     * @param directory the series' directory name ({@link SeriesDirectories}), recorded in its row
     */
    public static SeriesOutcome run(ExperimentSpec experiment, LongFormatSeries series, String directory, Backend backend) {
        String id = series.id();
        int rows = series.raw().length();
        DataSpec data = experiment.data();
        Series cleaned;
        try {
            cleaned = series.cleaned(data.missing());
        } catch (DataException e) {
            return skipped(id, directory, rows, e.getMessage());
        }
        String constant = constantTarget(cleaned, data.targetColumn());
        if (constant != null) {
            return skipped(id, directory, rows, constant);
        }
        ExperimentResult result;
        try {
            result = Experiment.run(specFor(experiment, id), cleaned, backend, TrainingListener.NONE);
        } catch (ExperimentException e) {
            return skipped(id, directory, rows, e.key() + ": " + e.detail());
        } catch (RuntimeException e) {
            return failed(id, directory, rows, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (result.training().stopReason() == StopReason.DIVERGED && result.training().bestEpoch() <= 0) {
            result.model().close();
            return failed(id, directory, rows, "training diverged in epoch " + result.training().epochsRun()
                    + " and no epoch was finite");
        }
        return new SeriesOutcome(SeriesRow.trained(id, directory, rows, result), result);
    }

    /** Why the target is unusable as constant, or null. */
    private static String constantTarget(Series series, String target) {
        double[] values = series.column(target);
        for (double value : values) {
            if (value != values[0]) {
                return null;
            }
        }
        return String.format(Locale.ROOT, "constant: every value of '%s' is %s; nothing to learn beyond the naive forecast",
                target, values.length == 0 ? "missing" : Double.toString(values[0]));
    }

    private static SeriesOutcome skipped(String id, String directory, int rows, String reason) {
        return new SeriesOutcome(SeriesRow.notTrained(id, directory, SeriesStatus.SKIPPED, rows, reason), null);
    }

    private static SeriesOutcome failed(String id, String directory, int rows, String reason) {
        return new SeriesOutcome(SeriesRow.notTrained(id, directory, SeriesStatus.FAILED, rows, reason), null);
    }
}
