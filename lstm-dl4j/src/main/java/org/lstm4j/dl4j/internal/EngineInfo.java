package org.lstm4j.dl4j.internal;

import org.lstm4j.api.BackendInfo;
import org.nd4j.linalg.factory.Nd4j;

/** Describes the ND4J engine: backend class ({@code CpuBackend}, {@code CudaBackend}) and compute threads. */
final class EngineInfo {
    static final String BACKEND_NAME = "dl4j";

    private EngineInfo() {
    }

    /** Starts ND4J if it is not running yet. */
    static BackendInfo current() {
        String engine = Nd4j.getBackend().getClass().getSimpleName();
        // ND4J reads OMP_NUM_THREADS at start-up; fall back to the environment, then to the CPUs.
        int threads = Nd4j.getEnvironment().maxThreads();
        if (threads < 1) {
            threads = fromEnvironment();
        }
        return new BackendInfo(BACKEND_NAME, engine, threads);
    }

    private static int fromEnvironment() {
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp != null) {
            try {
                int n = Integer.parseInt(omp.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
