package org.lstm4j.core.many;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The seed of each series of a many-series run: the first 8 bytes (big-endian) of the SHA-256 of
 * {@code "<experiment seed>:<series id>"} in UTF-8. It depends on nothing else (not the order of the file, the other
 * series or the parallelism), so a series trains the same alone, in any pool, on any machine.
 */
public final class SeriesSeeds {
    private SeriesSeeds() {}

    /** The seed series {@code id} trains with under an experiment seeded with {@code experimentSeed}. */
    public static long of(long experimentSeed, String id) {
        byte[] digest = SeriesDirectories.sha256((experimentSeed + ":" + id).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    }
}
