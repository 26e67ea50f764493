package org.lstm4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Damaged copies of a bundle, for tests of what lstm4j says about them. */
final class BundleEdits {
    private BundleEdits() {
    }

    /**
     * Copies a zip, changing entry {@code name} with {@code change}; an entry {@code change} maps to {@code null} is
     * left out.
     */
    static Path rewrite(Path source, Path target, String name, UnaryOperator<byte[]> change) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                byte[] written = entry.getName().equals(name) ? change.apply(bytes) : bytes;
                if (written != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(written);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** {@code bytes} with one bit of the byte at {@code at} flipped. */
    static byte[] flipBit(byte[] bytes, int at) {
        byte[] flipped = bytes.clone();
        flipped[at] ^= 0x10;
        return flipped;
    }
}
