package org.lstm4j.dl4j.internal;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.lstm4j.api.BackendInfo;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Describes the ND4J engine as it runs: backend class, threads in force and their source, devices, native cache. */
final class EngineInfo {
    static final String BACKEND_NAME = "dl4j";

    private EngineInfo() {
    }

    /**
     * Starts ND4J (with the default threads) if it is not running yet.
     *
     * @throws org.lstm4j.api.BackendUnavailableException when it cannot start
     */
    static BackendInfo current() {
        ThreadChoice threads = ThreadSettings.current();
        String engine = Nd4j.getBackend().getClass().getSimpleName();
        return new BackendInfo(BACKEND_NAME, engine, ThreadSettings.ompThreads(), threads.source(), devices(),
                nativeCache(), CpuFeatures.current());
    }

    private static List<String> devices() {
        List<String> devices = new ArrayList<>();
        if (Nd4j.getEnvironment().isCPU()) {
            devices.add("cpu: " + Runtime.getRuntime().availableProcessors() + " cores, BLAS "
                    + Nd4j.factory().blas().getBlasVendor().name().toLowerCase(java.util.Locale.ROOT));
            return devices;
        }
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        for (int i = 0; i < ops.getAvailableDevices(); i++) {
            devices.add("cuda:" + i + ": " + ops.getDeviceName(i) + ", compute " + ops.getDeviceMajor(i) + "."
                    + ops.getDeviceMinor(i) + ", " + ops.getDeviceTotalMemory(i) / (1024 * 1024) + " MB");
        }
        return devices;
    }

    /** JavaCPP's extraction directory: {@code org.bytedeco.javacpp.cachedir}, else {@code ~/.javacpp/cache}. */
    private static String nativeCache() {
        try {
            File dir = Loader.getCacheDir();
            return dir == null ? "" : dir.getAbsolutePath();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
