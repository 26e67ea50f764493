package org.lstm4j.core;

import java.util.Map;
import org.lstm4j.api.SampleShape;

/**
 * What a bundle's {@code format.json} and zip directory say, without building its network.
 *
 * @param version      the bundle format version
 * @param backend      the backend that restores it
 * @param int8         whether its weights are int8 ({@code weights.int8}) instead of the backend's raw parameters
 * @param shape        window, features and horizon
 * @param entryBytes   the uncompressed size of each entry, by name
 */
public record BundleFormat(int version, String backend, boolean int8, SampleShape shape, Map<String, Long> entryBytes) {
    public BundleFormat {
        entryBytes = Map.copyOf(entryBytes);
    }

    /** Bytes of the entry holding the weights ({@code parameters.bin} or {@code weights.int8}). */
    public long weightBytes() {
        return entryBytes.getOrDefault(int8 ? "weights.int8" : "parameters.bin", 0L);
    }
}
