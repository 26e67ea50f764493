package org.lstm4j.tuning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.lstm4j.api.TuningSpec;

/**
 * Runs the trials of a hyper-parameter search, {@code parallelism} at a time, and keeps {@code trials.csv}.
 *
 * <ul>
 *   <li>Each trial runs in its own directory {@code <directory>/trial-NNN/}, numbered 1, 2, ... in the order of
 *       the assignments. The search creates the search directory, not the trial's: the runner writes it whole
 *       (lstm4j's engine through {@code trial-NNN.partial}, where a killed trial's checkpoint waits for the
 *       resume), so a killed search leaves no half-written trial directory.</li>
 *   <li>{@code <directory>/trials.csv} holds one row per trial ({@code trial, <parameter>..., <metric>,
 *       <extra>..., epochs_run, seconds, status, error}) and is rewritten atomically after every finished
 *       trial, so a crash loses no finished trial.</li>
 *   <li><b>Resume:</b> run again over the same directory, a search reads {@code trials.csv} and does not run
 *       again an assignment that already has a row with status {@code ok} (matched by the assignment's
 *       values as written, not by trial number); such a trial keeps its number and row. A failed assignment
 *       runs again under its old number, and so does an unfinished one (killed before its row was written) as
 *       long as the assignments keep their order: the runner may then resume it from its checkpoint. Rows of assignments no longer in the search are kept in the
 *       table and the ranking. A {@code trials.csv} with other parameter columns or another metric is
 *       refused.</li>
 *   <li>A trial that throws (or runs out of heap) or returns a NaN or infinite metric is recorded as
 *       {@code failed} with the reason, and the search goes on.</li>
 * </ul>
 *
 * <p>Instances are immutable; {@link #run} may be called again (it then resumes).
 */
public final class Search {
    /** The trials table in the search directory. */
    public static final String TRIALS_FILE = "trials.csv";

    private final Path directory;
    private final String metric;
    private final int parallelism;
    private final TrialRunner runner;
    private final Consumer<TrialResult> onTrialFinished;

    /**
     * @param directory   the search directory; trial directories and {@code trials.csv} go here
     * @param metric      name of the metric the runner reports ({@code tuning.metric}); the CSV column name
     * @param parallelism trials run at once, {@code >= 1}
     * @param runner      trains one trial; called from several threads when {@code parallelism > 1}
     */
    public Search(Path directory, String metric, int parallelism, TrialRunner runner) {
        this(directory, metric, parallelism, runner, t -> { });
    }

    private Search(Path directory, String metric, int parallelism, TrialRunner runner, Consumer<TrialResult> onTrialFinished) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.metric = Objects.requireNonNull(metric, "metric");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("metric must not be blank");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        this.parallelism = parallelism;
        this.runner = Objects.requireNonNull(runner, "runner");
        this.onTrialFinished = Objects.requireNonNull(onTrialFinished, "onTrialFinished");
    }

    /** A search with {@code spec}'s metric and parallelism. */
    public static Search forSpec(TuningSpec spec, Path directory, TrialRunner runner) {
        return new Search(directory, spec.metric(), spec.parallelism(), runner);
    }

    /**
     * The same search, calling {@code callback} after each trial it runs, once {@code trials.csv} holds it.
     * Calls come from the trial threads, one at a time.
     */
    public Search onTrialFinished(Consumer<TrialResult> callback) {
        return new Search(directory, metric, parallelism, runner, callback);
    }

    /**
     * Compute threads for each of {@code parallelism} concurrent trials: {@code max(1, available / parallelism)}.
     *
     * @param availableThreads threads the machine offers (say {@code Runtime.availableProcessors()})
     * @param parallelism      trials at once
     */
    public static int threadsPerTrial(int availableThreads, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        return Math.max(1, availableThreads / parallelism);
    }

    /** The search directory. */
    public Path directory() {
        return directory;
    }

    /**
     * Runs every assignment not already finished in {@code trials.csv}.
     *
     * @param assignments distinct assignments with the same paths in the same order (see {@link ParameterGrid})
     * @return every trial of the table, ranked
     * @throws IOException          when {@code trials.csv} cannot be read or written, or belongs to another search
     * @throws InterruptedException when interrupted while waiting; running trials are interrupted too
     */
    public SearchResult run(List<Map<String, Object>> assignments) throws IOException, InterruptedException {
        List<String> names = parameterNames(assignments);
        TrialsCsv csv = new TrialsCsv(names, metric);
        Path file = directory.resolve(TRIALS_FILE);
        List<TrialsCsv.Row> previous = csv.read(file);

        Map<String, TrialsCsv.Row> byKey = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        TreeMap<Integer, TrialResult> table = new TreeMap<>();
        for (TrialsCsv.Row row : previous) {
            byKey.put(row.key(), row);
            taken.add(row.trial().trial());
            table.put(row.trial().trial(), row.trial());
        }
        int next = Math.max(assignments.size(), taken.stream().mapToInt(Integer::intValue).max().orElse(0)) + 1;
        List<Planned> planned = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < assignments.size(); i++) {
            Map<String, Object> assignment = assignments.get(i);
            TrialsCsv.Row row = byKey.get(TrialsCsv.key(assignment));
            if (row != null && row.trial().ok()) {
                TrialResult done = row.trial();
                table.put(done.trial(), new TrialResult(done.trial(), assignment, done.metric(), done.extra(),
                        done.epochsRun(), done.seconds(), done.status(), done.error()));
                skipped++;
                continue;
            }
            int number = row != null ? row.trial().trial() : taken.contains(i + 1) ? next++ : i + 1;
            planned.add(new Planned(number, assignment));
        }

        Files.createDirectories(directory);
        Object lock = new Object();
        synchronized (lock) {
            csv.write(file, List.copyOf(table.values()));
        }
        if (!planned.isEmpty()) {
            runAll(planned, table, lock, csv, file);
        }
        return new SearchResult(metric, names, List.copyOf(table.values()), planned.size(), skipped);
    }

    private void runAll(List<Planned> planned, TreeMap<Integer, TrialResult> table, Object lock, TrialsCsv csv, Path file)
            throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, planned.size()), threads());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Planned p : planned) {
                futures.add(pool.submit(() -> {
                    TrialResult result = runOne(p);
                    if (result == null) {
                        return null; // interrupted: the search is being cancelled
                    }
                    synchronized (lock) {
                        table.put(result.trial(), result);
                        try {
                            csv.write(file, List.copyOf(table.values()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        onTrialFinished.accept(result);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    Throwable cause = e.getCause();
                    if (cause instanceof UncheckedIOException io) {
                        throw io.getCause();
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw e;
        } finally {
            pool.shutdown();
        }
    }

    /** Runs one trial; null when interrupted. */
    private TrialResult runOne(Planned p) {
        Path trialDirectory = directory.resolve(TrialResult.directoryName(p.number()));
        long start = System.nanoTime();
        TrialOutcome outcome;
        try {
            outcome = runner.run(p.number(), p.assignment(), trialDirectory);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception | OutOfMemoryError e) {
            return new TrialResult(p.number(), p.assignment(), Double.NaN, Map.of(), 0, seconds(start),
                    TrialStatus.FAILED, reason(e));
        }
        double seconds = seconds(start);
        if (outcome == null) {
            return new TrialResult(p.number(), p.assignment(), Double.NaN, Map.of(), 0, seconds,
                    TrialStatus.FAILED, "the trial runner returned no outcome");
        }
        boolean finite = Double.isFinite(outcome.metric());
        return new TrialResult(p.number(), p.assignment(), outcome.metric(), outcome.extra(), outcome.epochsRun(), seconds,
                finite ? TrialStatus.OK : TrialStatus.FAILED, finite ? "" : metric + " is " + outcome.metric());
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<String> parameterNames(List<Map<String, Object>> assignments) {
        Objects.requireNonNull(assignments, "assignments");
        if (assignments.isEmpty()) {
            return List.of();
        }
        List<String> names = List.copyOf(assignments.get(0).keySet());
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < assignments.size(); i++) {
            Map<String, Object> a = assignments.get(i);
            if (!new ArrayList<>(a.keySet()).equals(names)) {
                throw new IllegalArgumentException("assignment " + (i + 1) + " has paths " + a.keySet() + ", the first " + names);
            }
            if (!keys.add(TrialsCsv.key(a))) {
                throw new IllegalArgumentException("assignment " + (i + 1) + " repeats an earlier one: " + a);
            }
        }
        return names;
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "lstm-trial-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A trial to run. */
    private record Planned(int number, Map<String, Object> assignment) {}
}
