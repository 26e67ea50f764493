package org.lstm4j.cli;

import org.lstm4j.api.Backends;
import org.lstm4j.cli.report.PlotsAndReport;

/**
 * Start-up work {@code lstm train} gives a second thread, so that it overlaps what the first does: the backend's
 * engine starts (ND4J loads its natives) while the experiment file is read and checked, and the chart drawing code
 * warms up while the network trains (training runs on one compute thread by default, which leaves the second core
 * idle). {@code -Dlstm4j.backgroundStart=false} turns both off, for A/B measurements. The threads are daemons: a run
 * that ends early (a bad file) does not wait for them.
 */
final class BackgroundStart {
    static final String PROPERTY = "lstm4j.backgroundStart";

    private BackgroundStart() {}

    /** Starts the class path's backend on a thread of its own. */
    static void backend() {
        run("lstm4j-start-backend", () -> Backends.load().start());
    }

    /** Warms up chart drawing on a thread of its own. */
    static void plots() {
        run("lstm4j-warm-up-plots", PlotsAndReport::warmUp);
    }

    private static void run(String name, Runnable work) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // the main thread meets the same problem where it matters and reports it
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
