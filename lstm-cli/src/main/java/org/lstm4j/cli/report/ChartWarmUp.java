package org.lstm4j.cli.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;

/**
 * Draws a throw-away chart on a second thread while the training runs, so that the run's own charts, drawn after
 * it, find Java2D, the fonts, XChart and the PNG encoder loaded and compiled: a JVM's first chart took about 270 ms
 * and its first PNG encoding 80 ms, measured, against a few ms for the next ones. It starts after epoch
 * {@value #AFTER_EPOCH}: during the first epochs the JIT compiler keeps the second core busy compiling the
 * training loop, and a warm-up there only slowed the training down (measured). A training shorter than that
 * draws its charts cold, as without the warm-up.
 */
public final class ChartWarmUp implements TrainingListener {
    /** The epoch after which the warm-up starts. */
    static final int AFTER_EPOCH = 10;
    private Thread thread;

    @Override
    public void onEpochEnd(EpochResult epoch, TrainingControl control) {
        if (thread == null && epoch.epoch() >= AFTER_EPOCH) {
            thread = start();
        }
    }

    /** The warm-up's thread, or null before it started (for tests). */
    Thread thread() {
        return thread;
    }

    /** Starts the warm-up on a daemon thread. */
    static Thread start() {
        Thread warmUp = new Thread(ChartWarmUp::drawOne, "lstm-chart-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
        return warmUp;
    }

    /** A loss chart of the kind the run draws, encoded as PNG and dropped; a failure only loses the head start. */
    static void drawOne() {
        System.setProperty("java.awt.headless", "true");
        List<EpochResult> history = new ArrayList<>();
        for (int e = 1; e <= 20; e++) {
            history.add(new EpochResult(e, 1.0 / e, 1.5 / e, 0.01, 0.0, Map.of()));
        }
        try {
            XYChart chart = Charts.loss(history);
            BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException | RuntimeException | LinkageError e) {
            // the run's own charts report their own failures
        }
    }
}
