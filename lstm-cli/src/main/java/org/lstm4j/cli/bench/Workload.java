package org.lstm4j.cli.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The benchmark's workloads, in the order {@code lstm bench} runs them. */
enum Workload {
    /**
     * JVM start to the end of the first prediction (measured inside the JVM); process spawn to the first prediction
     * (measured by the parent, for lstm4j and PyTorch alike).
     */
    STARTUP(List.of(Figure.STARTUP_MS, Figure.SPAWN_TO_PREDICTION_MS, Figure.PEAK_RSS_MB)),
    /** The seed's job: LSTM(50)x2, 619 windows x 10 x 1, full batch, 100 epochs. */
    SINE(List.of(Figure.EPOCH_MS, Figure.FINAL_LOSS, Figure.PEAK_RSS_MB)),
    /** LSTM(128)x2, batches of 256 x 64 x 8, 20 batches per epoch. */
    LARGE(List.of(Figure.BATCH_MS, Figure.PEAK_RSS_MB)),
    /** Seed-size model: one-window latency and batch-1024 throughput. */
    INFER(List.of(Figure.B1_LATENCY_US, Figure.B1024_WINDOWS_PER_S, Figure.PEAK_RSS_MB)),
    /** Large-size model: the same. */
    INFERLARGE(List.of(Figure.B1_LATENCY_US, Figure.B1024_WINDOWS_PER_S, Figure.PEAK_RSS_MB)),
    /**
     * The seed's whole job as a user runs it, {@code lstm train examples/sine/sine.yaml}, against
     * {@code bench/torch_sine_job.py}: whole processes, in alternating pairs ({@link SineJob}).
     */
    JOB(List.of(Figure.JOB_S));

    final List<Figure> figures;

    Workload(List<Figure> figures) {
        this.figures = figures;
    }

    /** The name on the command line and in JSON ({@code inferlarge}). */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(Workload::id).toList());
    }

    /** The workload called {@code name} (case-insensitive). */
    static Optional<Workload> named(String name) {
        return Arrays.stream(values()).filter(w -> w.id().equalsIgnoreCase(name.trim())).findFirst();
    }
}
