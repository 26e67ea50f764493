package org.lstm4j.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code job} workload: the seed's whole job as a user runs it, {@code lstm train examples/sine/sine.yaml} in a
 * fresh JVM (this process's java, options and class path, {@code OMP_NUM_THREADS} = the thread count), timed from
 * spawn to exit, against {@code bench/torch_sine_job.py} (the same job in PyTorch: generate, scale, window, train
 * 100 full-batch epochs, evaluate), also a whole process. The two alternate, lstm4j first, for {@value #PAIRS} pairs,
 * so that a machine that slows down or speeds up during the run weighs on both alike; each side reports its median.
 */
final class SineJob {
    static final int PAIRS = 5;
    static final String TORCH_SCRIPT = "torch_sine_job.py";

    /** Both sides' figures; {@code torch} is null when PyTorch was not asked for. */
    record Figures(Map<String, Object> lstm4j, Map<String, Object> torch) {}

    private SineJob() {
    }

    /**
     * Runs the pairs.
     *
     * @param experiment the experiment file {@code lstm train} runs
     * @param torch      the PyTorch reference, or null for lstm4j alone
     * @throws BenchException when a run fails, with its last output
     */
    static Figures run(Path experiment, TorchReference torch, int threads, int pairs) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("lstm4j-bench-job");
        } catch (IOException e) {
            throw new BenchException("cannot create a scratch directory: " + e.getMessage());
        }
        List<Double> mine = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        try {
            for (int i = 0; i < pairs; i++) {
                mine.add(lstm4j(experiment, scratch.resolve("run-" + i), threads));
                if (torch != null) {
                    theirs.add(torch.job(threads).seconds());
                }
            }
        } finally {
            delete(scratch);
        }
        Map<String, Object> lstm4j = figures(mine, threads);
        lstm4j.put("backend", "lstm train");
        lstm4j.put("engine", "whole process");
        lstm4j.put("experiment", experiment.getFileName().toString());
        Map<String, Object> pytorch = null;
        if (torch != null) {
            pytorch = figures(theirs, threads);
            pytorch.put("torch", torch.version());
        }
        return new Figures(lstm4j, pytorch);
    }

    /** {@code examples/sine/sine.yaml} of the checkout that holds {@code bench/}. */
    static Path seedExperiment(Path benchDirectory) {
        Path experiment = benchDirectory == null ? null : benchDirectory.toAbsolutePath().getParent().resolve("examples/sine/sine.yaml");
        if (experiment == null || !Files.isRegularFile(experiment)) {
            throw new BenchException("the job workload needs examples/sine/sine.yaml beside bench/ (run it from an lstm4j checkout)");
        }
        return experiment;
    }

    private static double lstm4j(Path experiment, Path output, int threads) {
        List<String> command = ChildJvm.lstm(List.of("train", experiment.toString(), "--output", output.toString()));
        ProcessRun run;
        try {
            run = ProcessRun.of(command, Map.of("OMP_NUM_THREADS", Integer.toString(threads)));
        } catch (IOException e) {
            throw new BenchException("cannot start lstm train: " + e.getMessage());
        }
        if (run.exitCode() != 0) {
            throw new BenchException(run.failure("lstm train " + experiment));
        }
        return run.seconds();
    }

    private static Map<String, Object> figures(List<Double> seconds, int threads) {
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(Figure.JOB_S.key, n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
        figures.put("threads", threads);
        figures.put("pairs", n);
        figures.put("runs_s", Arrays.toString(seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toArray()));
        return figures;
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a scratch directory in the temporary folder: leaving it is harmless
        }
    }
}
