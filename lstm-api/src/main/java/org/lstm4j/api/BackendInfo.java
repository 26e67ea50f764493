package org.lstm4j.api;

import java.util.List;
import java.util.Objects;

/**
 * What runs the tensors, as it ran: written to {@code metrics.json}'s {@code backend} object and printed by
 * {@code lstm info}.
 *
 * @param name          backend name ({@code dl4j})
 * @param engine        the engine underneath ({@code CpuBackend}, {@code CudaBackend})
 * @param threads       compute threads in force
 * @param threadsSource where that number came from: {@code training.threads}, {@code -Dlstm4j.threads},
 *                      {@code OMP_NUM_THREADS} or {@code default}
 * @param devices       the devices the engine computes on, one description each
 * @param nativeCache   the directory the engine's native libraries are extracted to, or empty
 * @param cpuFeatures   the processor's vector extensions the engine can use ({@code avx2}, {@code avx512f}, ...)
 */
public record BackendInfo(String name, String engine, int threads, String threadsSource, List<String> devices,
        String nativeCache, List<String> cpuFeatures) {

    /** Where a thread count came from when the backend cannot tell. */
    public static final String UNKNOWN = "unknown";

    public BackendInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(threadsSource, "threadsSource");
        devices = List.copyOf(devices);
        Objects.requireNonNull(nativeCache, "nativeCache");
        cpuFeatures = List.copyOf(cpuFeatures);
    }

    /** A backend that reports only its name, engine and threads (test doubles, simple backends). */
    public BackendInfo(String name, String engine, int threads) {
        this(name, engine, threads, UNKNOWN, List.of(), "", List.of());
    }
}
