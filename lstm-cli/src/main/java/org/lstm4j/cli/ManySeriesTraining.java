package org.lstm4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.lstm4j.api.Backends;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.UnsupportedFeatureException;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.RunDirectory;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.Locations;
import org.lstm4j.core.remote.RemoteWorkException;
import org.lstm4j.core.remote.WorkPlace;
import org.lstm4j.core.many.ManySeries;
import org.lstm4j.core.many.ManySeriesRun;
import org.lstm4j.core.many.SeriesRow;
import org.lstm4j.core.many.SeriesStatus;
import org.lstm4j.data.DataException;
import org.lstm4j.data.LongFormatSeries;

/**
 * {@code lstm train} of an experiment with {@code data.series_column}: one model per series on a pool of
 * {@code --parallelism} threads, a line per series as it finishes, the summary at the end. Exit 0 when at least one
 * series trained, 1 when none did, 2 for bad input (the file, its columns, the settings).
 */
final class ManySeriesTraining {
    private ManySeriesTraining() {}

    /** Series trained at once by default: one per core (each trains on one compute thread). */
    static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    static int run(ExperimentSpec experiment, Path file, Locations locations, Path runDirectory, boolean resume,
                   int parallelism, WorkPlace place, PrintWriter out, PrintWriter err) throws IOException {
        Path partial = RunDirectory.partialOf(runDirectory);
        ManySeriesRun run;
        try {
            List<LongFormatSeries> series = ManySeries.read(experiment.data());
            int count = series.size();
            if (place == null) {
                out.printf("training '%s' (%s): %d series, %d at a time%n", experiment.name(), file, count, Math.min(count, parallelism));
            } else {
                out.printf("training '%s' (%s): %d series on Spark (%s)%n", experiment.name(), file, count, place.describe());
            }
            out.flush();
            AtomicInteger done = new AtomicInteger();
            Consumer<SeriesRow> progress = row -> {
                out.println("[" + done.incrementAndGet() + "/" + count + "] " + describe(row));
                out.flush();
            };
            run = place == null ? ManySeries.run(experiment, series, Backends.load(), runDirectory, parallelism, resume, progress)
                    : ManySeries.run(experiment, series, place, runDirectory, resume, progress);
        } catch (ConfigException | ExperimentException | UnsupportedFeatureException | DataException e) {
            return ExperimentFile.reportInputError(e, locations, err);
        } catch (IllegalStateException e) {
            err.println("lstm: " + partial + " holds an unfinished many-series run; continue it with --resume, or delete "
                    + partial + " to start again");
            err.flush();
            return LstmCommand.BAD_INPUT;
        } catch (RemoteWorkException e) {
            err.println("lstm: " + e.getMessage() + "; the finished series stay in " + partial + " for --resume");
            err.flush();
            return LstmCommand.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("lstm: interrupted; the finished series stay in " + partial + " for --resume");
            err.flush();
            return LstmCommand.FAILED;
        }
        if (run.resumed() > 0) {
            out.println(run.resumed() + " series were already finished in " + partial + " and were not trained again");
        }
        if (place != null) {
            out.println(SparkOptions.processesLine(place));
        }
        out.print(run.summary().describe());
        out.println("run directory: " + run.directory());
        out.flush();
        return run.summary().trained() > 0 ? LstmCommand.OK : LstmCommand.FAILED;
    }

    private static String describe(SeriesRow row) {
        if (row.status() == SeriesStatus.TRAINED) {
            return String.format(Locale.ROOT, "%s: trained, %d epochs, test rmse %.4g (naive %.4g), skill %.3f",
                    row.id(), row.epochs(), row.rmse(), row.naiveRmse(), row.skill());
        }
        return row.id() + ": " + row.status().name().toLowerCase(Locale.ROOT) + ": " + row.error();
    }
}
