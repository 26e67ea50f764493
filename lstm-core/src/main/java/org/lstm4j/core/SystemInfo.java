package org.lstm4j.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lstm4j.api.BackendInfo;
import org.lstm4j.api.Backends;

/**
 * What a run ran on: lstm4j's version, the JVM and the backend. {@code lstm info} prints it; {@code metrics.json}
 * stores it as its {@code backend} object ({@link #toTree()}).
 *
 * @param lstm4jVersion lstm4j's version from the jar manifest, or {@code development build}
 * @param javaVersion   {@code java.version}
 * @param javaVendor    {@code java.vendor}
 * @param backend       the backend as it ran
 */
public record SystemInfo(String lstm4jVersion, String javaVersion, String javaVendor, BackendInfo backend) {

    /** This JVM with {@code backend}. */
    public static SystemInfo of(BackendInfo backend) {
        return new SystemInfo(version(), System.getProperty("java.version"), System.getProperty("java.vendor"), backend);
    }

    /** lstm4j's version from the jar manifest, or {@code development build} when run from class directories. */
    public static String version() {
        String version = SystemInfo.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    /**
     * This JVM with the class path's backend, started with the default threads if no run started it yet.
     *
     * @throws org.lstm4j.api.BackendUnavailableException when the backend cannot start
     */
    public static SystemInfo current() {
        return of(Backends.load().info());
    }

    /** The {@code backend} object of {@code metrics.json}, in snake_case keys. */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", backend.name());
        tree.put("nd4j_backend", backend.engine());
        tree.put("threads", backend.threads());
        tree.put("threads_source", backend.threadsSource());
        tree.put("devices", backend.devices());
        tree.put("native_cache", backend.nativeCache());
        tree.put("cpu_features", backend.cpuFeatures());
        tree.put("java", javaVersion + " (" + javaVendor + ")");
        tree.put("lstm4j_version", lstm4jVersion);
        return tree;
    }
}
