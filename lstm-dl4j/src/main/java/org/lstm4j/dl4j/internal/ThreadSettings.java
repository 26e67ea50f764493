package org.lstm4j.dl4j.internal;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Applies a {@link ThreadChoice} to a running ND4J, through the three controls that each measurably mattered on
 * the sine experiment with no {@code OMP_NUM_THREADS} set (2 cores): libnd4j's OpenMP team size
 * ({@code setOmpNumThreads}), OpenBLAS's thread count ({@code Blas.setMaxThreads}) and libnd4j's master threads
 * ({@code Environment.setMaxMasterThreads}). ND4J reads {@code OMP_NUM_THREADS} only while it starts, so the
 * environment variable alone cannot be changed later; these calls can, at any time. One limit (M2.1): libnd4j caps
 * the master threads at the count it started with ({@code OMP_NUM_THREADS}, else the cores), so a count above that
 * reaches OpenMP and OpenBLAS only.
 */
final class ThreadSettings {
    private static volatile ThreadChoice applied;

    private ThreadSettings() {
    }

    /**
     * Resolves the thread count for a spec asking for {@code specThreads} (0: no wish) and applies it. OpenMP keeps
     * its team size per thread, so the count is applied again on a thread that has another (a search's trial thread
     * started after an earlier search applied it elsewhere).
     */
    public static synchronized ThreadChoice apply(int specThreads) {
        ThreadChoice choice = ThreadChoice.resolve(specThreads);
        if (!choice.equals(applied) || ompThreads() != choice.threads()) {
            EngineStart.ensureStarted();
            int n = choice.threads();
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
            Nd4j.factory().blas().setMaxThreads(n);
            Nd4j.getEnvironment().setMaxMasterThreads(n);
            applied = choice;
        }
        return choice;
    }

    /** The choice in force, applying the default one if no run has applied any yet. */
    public static ThreadChoice current() {
        ThreadChoice choice = applied;
        return choice != null ? choice : apply(0);
    }

    /** OpenMP's team size as libnd4j reports it: what {@link #apply} took effect as. */
    static int ompThreads() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
