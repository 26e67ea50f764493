package org.lstm4j.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's memory from {@code /proc/self/status} (Linux); -1 elsewhere. */
final class ProcessMemory {
    private ProcessMemory() {}

    /** Peak resident set size ({@code VmHWM}) in MB, -1 when unknown. */
    static double peakMegabytes() {
        long kb = kilobytes("VmHWM:");
        return kb < 0 ? -1 : kb / 1024.0;
    }

    /** A {@code /proc/self/status} field in kB, -1 when unknown. */
    static long kilobytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
