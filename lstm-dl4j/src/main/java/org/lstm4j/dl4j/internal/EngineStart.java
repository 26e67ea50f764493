package org.lstm4j.dl4j.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.lstm4j.api.BackendUnavailableException;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J once and remembers a failure: ND4J's classes stay unusable after a failed native load (every later
 * touch throws {@link NoClassDefFoundError}), so every later call gets the first, clear, message again.
 */
final class EngineStart {
    /** ND4J's CUDA backend class; present only in the {@code -Pcuda} build. */
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    private static volatile BackendUnavailableException failure;
    private static volatile boolean started;

    private EngineStart() {
    }

    /**
     * Starts ND4J if it is not running.
     *
     * @throws BackendUnavailableException when its native libraries do not load
     */
    static void ensureStarted() {
        if (started) {
            return;
        }
        synchronized (EngineStart.class) {
            if (failure != null) {
                throw failure;
            }
            if (started) {
                return;
            }
            // ND4J's CUDA backend prints the stack trace of a missing driver straight to System.err (a page of
            // JavaCPP frames): hold what start-up prints, read the cause from it on failure, pass it on otherwise.
            PrintStream original = System.err;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                Nd4j.getBackend();
                Nd4j.create(1);
                started = true;
            } catch (Exception | LinkageError e) {
                failure = StartFailure.classify(e, printed.toString(StandardCharsets.UTF_8), cudaBuild(),
                        StartFailure.platform());
                throw failure;
            } finally {
                System.setErr(original);
                if (started) {
                    original.print(printed.toString(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** Whether ND4J's CUDA backend is on the class path. */
    static boolean cudaBuild() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, EngineStart.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
