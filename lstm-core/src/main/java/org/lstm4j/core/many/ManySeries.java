package org.lstm4j.core.many;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.lstm4j.api.Backend;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.core.AtomicFiles;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.PreparedData;
import org.lstm4j.core.RunChecks;
import org.lstm4j.core.RunDirectory;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.SpecWriter;
import org.lstm4j.core.remote.DirectoryFiles;
import org.lstm4j.core.remote.ShippedSpec;
import org.lstm4j.core.remote.WorkPlace;
import org.lstm4j.data.CsvSeriesReader;
import org.lstm4j.data.LongFormatSeries;

/**
 * Runs a many-series experiment ({@code data.series_column}) on the local cores: the long-format CSV is split into
 * its series, each is trained and evaluated by {@link SeriesTask} on a pool of {@code parallelism} threads, and the
 * run directory gets {@code experiment.yaml}, {@code metrics.csv} (a row per series), {@code metrics.json} (the
 * summary) and {@code series/<dir>/} per trained series (the files of a one-series run directory).
 *
 * <pre>{@code
 * ManySeriesRun run = ManySeries.run(spec, Backends.load(), Path.of("runs/many"), 2, false, row -> {});
 * System.out.println(run.summary().describe());
 * }</pre>
 *
 * <p>Everything is written into {@code DIR.partial} and renamed to {@code DIR} at the end. Each series directory
 * is itself written to {@code series/<dir>.partial} and renamed when complete, so with {@code resume} a run
 * killed part-way trains only the series not yet finished (skipped and failed series are tried again).
 */
public final class ManySeries {
    /** The file of each series directory holding its {@code metrics.csv} line, read back on resume. */
    public static final String ROW_FILE = "series-row.csv";
    /** The directory of the series' run directories. */
    public static final String SERIES_DIRECTORY = RunDirectory.MANY_SERIES_DIRECTORY;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManySeries() {}

    /**
     * Reads the series of {@code data}'s long-format CSV file, in the order of their first row.
     *
     * @throws ExperimentException when the source is not a CSV file
     * @throws org.lstm4j.data.DataException naming the file, line and column of a problem of the file
     */
    public static List<LongFormatSeries> read(DataSpec data) {
        if (!(data.source() instanceof SourceSpec.Csv csv)) {
            throw new ExperimentException("data.series_column", "needs a CSV source (data.source.csv) in long format");
        }
        return CsvSeriesReader.readLong(csv.csv(), csv.delimiter().charAt(0), data.seriesColumn(), csv.timeColumn(),
                PreparedData.usedColumns(data), data.missing());
    }

    /**
     * Runs (or, with {@code resume}, continues) {@code spec} into {@code directory}.
     *
     * @param parallelism series trained at once, {@code >= 1}
     * @param onSeries    called with each series' row as it finishes, one call at a time
     * @throws ConfigException     when the spec asks for something the run cannot do
     * @throws IllegalStateException when {@code DIR.partial} holds an unfinished run and {@code resume} is false
     */
    public static ManySeriesRun run(ExperimentSpec spec, Backend backend, Path directory, int parallelism, boolean resume,
                                    Consumer<SeriesRow> onSeries) throws IOException, InterruptedException {
        return run(spec, read(spec.data()), backend, directory, parallelism, resume, onSeries);
    }

    /**
     * Runs (or continues) {@code spec} over {@code all}, the series {@link #read} read from its file.
     *
     * @see #run(ExperimentSpec, Backend, Path, int, boolean, Consumer)
     */
    public static ManySeriesRun run(ExperimentSpec spec, List<LongFormatSeries> all, Backend backend, Path directory,
                                    int parallelism, boolean resume, Consumer<SeriesRow> onSeries)
            throws IOException, InterruptedException {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        return run(spec, all, directory, parallelism, null, resume, onSeries,
                (series, name, seriesRoot) -> trainAndWrite(spec, backend, series, name, seriesRoot));
    }

    /**
     * Runs (or continues) {@code spec} over {@code all} with each series trained in {@code place} (a Spark
     * executor, one task per series) and everything else here: the run directory is the one the local run writes,
     * byte for byte but for {@code metrics.json}'s timing, and resume works the same.
     *
     * @throws org.lstm4j.core.remote.RemoteWorkException when a series' task failed there (not a series that failed
     *                                                    to train: that one is a row with status failed)
     * @see #run(ExperimentSpec, Backend, Path, int, boolean, Consumer)
     */
    public static ManySeriesRun run(ExperimentSpec spec, List<LongFormatSeries> all, WorkPlace place, Path directory,
                                    boolean resume, Consumer<SeriesRow> onSeries) throws IOException, InterruptedException {
        ShippedSpec shipped = ShippedSpec.of(spec);
        RemoteSeries work = new RemoteSeries();
        return run(spec, all, directory, place.parallelism(), place, resume, onSeries, (series, name, seriesRoot) -> {
            RemoteSeries.Piece piece = place.run("series " + series.id(), RemoteSeries.Job.of(shipped, series, name), work);
            if (piece.files() != null) {
                DirectoryFiles.write(piece.files(), seriesRoot.resolve(name));
            }
            return piece.row();
        });
    }

    /** How one series is trained and its directory written; its row says what became of it. */
    @FunctionalInterface
    private interface OneSeries {
        SeriesRow train(LongFormatSeries series, String name, Path seriesRoot) throws IOException, InterruptedException;
    }

    private static ManySeriesRun run(ExperimentSpec spec, List<LongFormatSeries> all, Path directory, int parallelism,
                                     WorkPlace place, boolean resume, Consumer<SeriesRow> onSeries, OneSeries oneSeries)
            throws IOException, InterruptedException {
        RunChecks.require(spec);
        Map<String, String> names = SeriesDirectories.of(all.stream().map(LongFormatSeries::id).toList());
        Path target = directory.toAbsolutePath().normalize();
        Path partial = RunDirectory.partialOf(target);
        Path seriesRoot = partial.resolve(SERIES_DIRECTORY);
        if (!resume && Files.isDirectory(seriesRoot)) {
            throw new IllegalStateException(partial + " holds an unfinished many-series run");
        }
        Files.createDirectories(seriesRoot);

        SeriesRow[] rows = new SeriesRow[all.size()];
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Path rowFile = seriesRoot.resolve(names.get(all.get(i).id())).resolve(ROW_FILE);
            if (resume && Files.isRegularFile(rowFile)) {
                rows[i] = MetricsCsv.parse(MetricsCsv.header() + Files.readString(rowFile)).get(0);
            } else {
                todo.add(i);
            }
        }
        int resumed = all.size() - todo.size();
        long start = System.nanoTime();
        if (!todo.isEmpty()) {
            trainAll(all, names, todo, rows, seriesRoot, parallelism, onSeries, oneSeries);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<SeriesRow> table = List.of(rows);
        ManySummary summary = ManySummary.of(table);
        Files.writeString(partial.resolve("experiment.yaml"), SpecWriter.toYaml(spec));
        Files.writeString(partial.resolve("metrics.csv"), MetricsCsv.of(table));
        Files.write(partial.resolve("metrics.json"), JSON.writeValueAsBytes(metricsTree(spec, summary, parallelism, place,
                seconds)));
        AtomicFiles.move(partial, target);
        return new ManySeriesRun(target, table, summary, resumed);
    }

    private static Map<String, Object> metricsTree(ExperimentSpec spec, ManySummary summary, int parallelism,
                                                   WorkPlace place, double seconds) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("summary", summary.toTree());
        tree.put("series_column", spec.data().seriesColumn());
        tree.put("seed", spec.seed());
        tree.put("parallelism", parallelism);
        if (place != null) {
            tree.put("ran_on", place.describe());
        }
        tree.put("train_seconds", seconds);
        return tree;
    }

    private static void trainAll(List<LongFormatSeries> all, Map<String, String> names, List<Integer> todo,
                                 SeriesRow[] rows, Path seriesRoot, int parallelism, Consumer<SeriesRow> onSeries,
                                 OneSeries oneSeries) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, todo.size()), runnable -> {
            Thread thread = new Thread(runnable, "lstm4j-series");
            thread.setDaemon(true);
            return thread;
        });
        Object lock = new Object();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int index : todo) {
                LongFormatSeries series = all.get(index);
                String name = names.get(series.id());
                futures.add(pool.submit(() -> {
                    SeriesRow row = oneSeries.train(series, name, seriesRoot);
                    synchronized (lock) {
                        rows[index] = row;
                        onSeries.accept(row);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What a series' task threw, thrown on as what it is. */
    private static RuntimeException rethrown(Throwable cause) throws IOException, InterruptedException {
        if (cause instanceof UncheckedIOException io) {
            throw io.getCause();
        }
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException r ? r : new CompletionException(cause);
    }

    /** Trains one series and writes its directory; its row says what became of it. */
    static SeriesRow trainAndWrite(ExperimentSpec spec, Backend backend, LongFormatSeries series, String name,
                                           Path seriesRoot) {
        SeriesOutcome outcome = SeriesTask.run(spec, series, name, backend);
        if (outcome.result() == null) {
            return outcome.row();
        }
        try (var model = outcome.result().model()) {
            Path seriesDirectory = seriesRoot.resolve(name);
            RunDirectory.deleteRecursively(seriesDirectory);
            RunDirectory.write(outcome.result(), seriesDirectory,
                    List.of((result, dir) -> Files.writeString(dir.resolve(ROW_FILE), MetricsCsv.line(outcome.row()))));
            return outcome.row();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
