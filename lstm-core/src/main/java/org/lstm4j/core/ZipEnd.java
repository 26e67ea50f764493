package org.lstm4j.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a zip file still has its end: the "end of central directory" record that every complete zip file closes
 * with. A zip cut short (a copy interrupted, a download stopped) lacks it even when its first entries read fine.
 */
final class ZipEnd {
    /** The record's signature, {@code PK\5\6}. */
    private static final byte[] SIGNATURE = {0x50, 0x4b, 0x05, 0x06};
    /** The record is 22 bytes, followed by a comment of at most 65535 bytes. */
    private static final int MAX_TAIL = 22 + 65535;

    private ZipEnd() {}

    static boolean present(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = (int) Math.min(size, MAX_TAIL);
            ByteBuffer buffer = ByteBuffer.allocate(tail);
            channel.read(buffer, size - tail);
            byte[] bytes = buffer.array();
            for (int at = tail - 22; at >= 0; at--) {
                if (bytes[at] == SIGNATURE[0] && bytes[at + 1] == SIGNATURE[1] && bytes[at + 2] == SIGNATURE[2]
                        && bytes[at + 3] == SIGNATURE[3]) {
                    return true;
                }
            }
            return false;
        }
    }
}
