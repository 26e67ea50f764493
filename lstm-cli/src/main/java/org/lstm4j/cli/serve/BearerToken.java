package org.lstm4j.cli.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token a server requires, compared in constant time: both sides are hashed to SHA-256 first, so the
 * comparison's time says nothing about the token's content or length.
 */
final class BearerToken {
    private final byte[] expectedDigest;

    private BearerToken(String token) {
        this.expectedDigest = digest(token);
    }

    /**
     * Reads the token from the first line of {@code file} (surrounding blanks removed).
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or is empty
     */
    static BearerToken fromFile(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the token file (" + e.getMessage() + ")");
        }
        if (token.isEmpty() || token.contains("\n")) {
            throw new IllegalArgumentException(file + ": the token file must hold one non-empty line");
        }
        return new BearerToken(token);
    }

    /** Whether an {@code Authorization} header value carries the token. */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(expectedDigest, digest(authorization.substring(7).strip()));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
