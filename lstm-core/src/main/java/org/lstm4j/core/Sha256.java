package org.lstm4j.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, which every Java has: the checksums of bundles and checkpoints. */
final class Sha256 {
    private Sha256() {}

    /** A fresh digest. */
    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The digest of {@code bytes[0..length)}. */
    static byte[] of(byte[] bytes, int length) {
        MessageDigest digest = digest();
        digest.update(bytes, 0, length);
        return digest.digest();
    }

    /** The digest of {@code bytes} in lower-case hex. */
    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(of(bytes, bytes.length));
    }
}
