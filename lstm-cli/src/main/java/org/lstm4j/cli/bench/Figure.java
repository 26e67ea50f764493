package org.lstm4j.cli.bench;

import java.util.Locale;

/** A figure the benchmark reports, under the same JSON key as {@code torch_bench.py} prints it. */
enum Figure {
    STARTUP_MS("startup_ms", "JVM start to first prediction, ms", Better.LOWER),
    SPAWN_TO_PREDICTION_MS("spawn_to_prediction_ms", "process spawn to first prediction, ms", Better.LOWER),
    EPOCH_MS("epoch_ms", "ms per epoch (median)", Better.LOWER),
    FINAL_LOSS("final_loss", "final training loss (MSE)", Better.NEITHER),
    BATCH_MS("batch_ms", "ms per batch", Better.LOWER),
    B1_LATENCY_US("b1_latency_us", "latency of one window, us (median)", Better.LOWER),
    B1024_WINDOWS_PER_S("b1024_windows_per_s", "windows/s at batch 1024", Better.HIGHER),
    PEAK_RSS_MB("peak_rss_mb", "peak RSS, MB", Better.LOWER),
    JOB_S("job_s", "whole job, process spawn to exit, s (median of pairs)", Better.LOWER);

    /** Which way is better. */
    enum Better {
        LOWER("lower is better"),
        HIGHER("higher is better"),
        NEITHER("accuracy check, not speed");

        final String words;

        Better(String words) {
            this.words = words;
        }
    }

    final String key;
    final String label;
    final Better better;

    Figure(String key, String label, Better better) {
        this.key = key;
        this.label = label;
        this.better = better;
    }

    /** {@code 224.1}, {@code 12,100}, {@code 1.13e-04}. */
    String format(double value) {
        if (this == PEAK_RSS_MB || this == STARTUP_MS || this == SPAWN_TO_PREDICTION_MS) {
            return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
        }
        return number(value, this == FINAL_LOSS);
    }

    static String number(double value, boolean scientific) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (scientific) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
