package org.lstm4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident memory, read from {@code /proc/self/status} where there is one. */
final class Rss {
    private Rss() {}

    /** {@code "  rss 512 MB"}, or an empty string off Linux. */
    static String describe() {
        long kb = kilobytes();
        return kb < 0 ? "" : "  rss " + kb / 1024 + " MB";
    }

    /** VmRSS in kB, -1 when unknown. */
    static long kilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
