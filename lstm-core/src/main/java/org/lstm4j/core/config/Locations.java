package org.lstm4j.core.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each dotted path of an experiment was written, so that problems found after binding
 * (a missing column, a window longer than the series) still point at a line.
 */
public final class Locations {
    private final String file;
    private final Map<String, int[]> byPath = new HashMap<>();

    /** Locations in {@code file} (null for specs built in Java). */
    public Locations(String file) {
        this.file = file;
    }

    /** No file, no lines. */
    public static Locations none() {
        return new Locations(null);
    }

    void put(String path, int line, int column) {
        byPath.putIfAbsent(path, new int[] {line, column});
    }

    /** The file these locations are in, or null. */
    public String file() {
        return file;
    }

    /** A problem at {@code path}, or at its nearest written parent when the key itself was left out. */
    public ConfigProblem problem(String path, String message) {
        String probe = path;
        while (true) {
            int[] at = byPath.get(probe);
            if (at != null) {
                return new ConfigProblem(file, at[0], at[1], path, message);
            }
            int dot = probe.lastIndexOf('.');
            if (dot < 0) {
                int[] root = byPath.get("");
                return new ConfigProblem(file, root == null ? 0 : root[0], root == null ? 0 : root[1], path, message);
            }
            probe = probe.substring(0, dot);
        }
    }
}
