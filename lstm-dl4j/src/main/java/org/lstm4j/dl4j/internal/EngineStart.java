package org.lstm4j.dl4j.internal;

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
            try {
                Nd4j.getBackend();
                Nd4j.create(1);
                started = true;
            } catch (Exception | LinkageError e) {
                failure = StartFailure.classify(e, cudaBuild(), StartFailure.platform());
                throw failure;
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
