package org.lstm4j.cli;

import java.util.List;
import java.util.Set;
import org.lstm4j.api.Backends;
import org.slf4j.LoggerFactory;

/**
 * Starts the backend (ND4J: its native libraries, about 0.4 s) on a second thread as soon as {@code lstm} starts a
 * subcommand that will need it, while the first thread reads the command line and the experiment file. The
 * subcommand's own first use of the backend then finds it running, or waits for the start under way; it never starts
 * twice. A start that fails is not reported here: the subcommand's own use fails with the backend's one-line message,
 * as without the warm-up. {@code -Dlstm4j.backendWarmUp=false} turns it off.
 */
final class BackendWarmUp {
    /** The system property that turns the warm-up off ({@code false}). */
    static final String PROPERTY = "lstm4j.backendWarmUp";
    /** Subcommands that always use the backend. */
    private static final Set<String> USERS = Set.of("train", "tune", "predict", "evaluate", "serve");
    /** Arguments with which they do not: help, version, and a run whose pieces train elsewhere. */
    private static final Set<String> NOT_USING = Set.of("-h", "--help", "-V", "--version", "--spark");

    private BackendWarmUp() {
    }

    /** Whether the command line {@code arguments} will use the backend, so that starting it early pays. */
    static boolean pays(List<String> arguments) {
        if (arguments.isEmpty() || !Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return false;
        }
        String subcommand = arguments.get(0);
        boolean uses = USERS.contains(subcommand) || subcommand.equals("bench") && arguments.contains("--in-process");
        return uses && arguments.stream().noneMatch(a -> NOT_USING.contains(a) || a.startsWith("--spark="));
    }

    /**
     * Starts the backend on a daemon thread. Logging starts first, on this thread: SLF4J started from two threads at
     * once replays the second thread's first messages with a warning of its own.
     *
     * @return the thread, started
     */
    static Thread start() {
        LoggerFactory.getILoggerFactory();
        Thread thread = new Thread(BackendWarmUp::startBackend, "lstm-backend-start");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void startBackend() {
        try {
            Backends.load().info();
        } catch (RuntimeException | LinkageError e) {
            // the subcommand's own use of the backend reports it
        }
    }
}
