package org.lstm4j.dl4j.internal;

/**
 * JavaCPP settings lstm4j applies before ND4J starts, unless the user set them.
 *
 * <p>{@code org.bytedeco.javacpp.maxPhysicalBytes = 0}: by default JavaCPP reads {@code /proc/self/statm} on every
 * native allocation to compare the process's resident memory with a limit, and ND4J allocates on almost every
 * operation (shape descriptors, scalars). On the sine benchmark that read took 8% of all CPU samples; the epoch
 * took 0.92x the time without it ({@code docs/performance.md}). JavaCPP's other limit, {@code maxBytes} (the native bytes it
 * allocated itself, a counter), stays in force.
 */
public final class NativeMemorySettings {
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private NativeMemorySettings() {
    }

    /** Sets the defaults; has no effect once JavaCPP has started (it reads them once). */
    public static void apply() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null
                && System.getProperty(MAX_PHYSICAL_BYTES.toLowerCase(java.util.Locale.ROOT)) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }
}
