package org.lstm4j.core.many;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The directory name of each series under {@code series/}: the id itself when it is made of letters, digits,
 * {@code .}, {@code _} and {@code -} only, does not start with a dot and is at most 64 characters; otherwise the id
 * with every other character replaced by {@code _}, cut to 64 characters, then {@code -} and the first 8 hex digits
 * of the SHA-256 of the id's UTF-8 bytes. Ids whose names would be equal ignoring case (two files on a
 * case-insensitive file system) all take the hash suffix. So a name never leaves {@code series/} ({@code ..},
 * {@code /}, {@code \} cannot survive), and different ids never share a directory.
 */
public final class SeriesDirectories {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");
    private static final Pattern UNSAFE_CHAR = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_STEM = 64;

    private SeriesDirectories() {}

    /** The directory name of every id, in the order given. */
    public static Map<String, String> of(List<String> ids) {
        Map<String, Integer> lowerCounts = new HashMap<>();
        for (String id : ids) {
            lowerCounts.merge(plain(id).toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : ids) {
            boolean clash = lowerCounts.get(plain(id).toLowerCase(Locale.ROOT)) > 1;
            names.put(id, SAFE.matcher(id).matches() && !clash ? id : plain(id) + "-" + hash8(id));
        }
        return names;
    }

    /** The id with unsafe characters replaced, cut to the stem length; a leading dot becomes {@code _}. */
    private static String plain(String id) {
        String replaced = UNSAFE_CHAR.matcher(id).replaceAll("_");
        if (replaced.startsWith(".") || replaced.isEmpty()) {
            replaced = "_" + (replaced.isEmpty() ? "" : replaced.substring(1));
        }
        return replaced.length() > MAX_STEM ? replaced.substring(0, MAX_STEM) : replaced;
    }

    private static String hash8(String id) {
        return HexFormat.of().formatHex(sha256(id.getBytes(StandardCharsets.UTF_8)), 0, 4);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
