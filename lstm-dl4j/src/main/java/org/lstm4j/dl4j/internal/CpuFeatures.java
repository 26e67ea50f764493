package org.lstm4j.dl4j.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The vector extensions of the processor that matter to ND4J's native builds, read from {@code /proc/cpuinfo}. */
final class CpuFeatures {
    /** In the order printed. */
    private static final List<String> INTERESTING = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_bf16");
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private CpuFeatures() {
    }

    /** The interesting flags of this machine, empty where {@code /proc/cpuinfo} does not exist (macOS, Windows). */
    static List<String> current() {
        try {
            return Files.isReadable(CPUINFO) ? of(Files.readString(CPUINFO)) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The interesting flags of the first {@code flags} line of a {@code /proc/cpuinfo} text. */
    static List<String> of(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("flags")) {
                int colon = line.indexOf(':');
                Set<String> flags = Set.of(line.substring(colon + 1).trim().split("\\s+"));
                List<String> found = new ArrayList<>();
                INTERESTING.stream().filter(flags::contains).forEach(found::add);
                return found;
            }
        }
        return List.of();
    }
}
