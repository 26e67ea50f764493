package org.lstm4j.dl4j.internal;

import java.util.Locale;
import org.lstm4j.api.BackendUnavailableException;

/**
 * Turns whatever ND4J throws when its native libraries cannot load ({@link UnsatisfiedLinkError},
 * {@link ExceptionInInitializerError}, ND4J's "no backend" exception, several layers deep) into one line a user can
 * act on.
 */
final class StartFailure {
    private static final int MAX_REASON = 160;

    private StartFailure() {
    }

    /**
     * The user's message for {@code failure}.
     *
     * @param printed   what ND4J printed to standard error while starting (its CUDA backend prints the stack trace
     *                  of the real cause, a missing {@code libcuda.so.1}, and throws a generic exception)
     * @param cudaBuild whether ND4J's CUDA backend is on the class path (the {@code -Pcuda} build)
     * @param platform  the JavaCPP platform, e.g. {@code linux-x86_64}
     */
    static BackendUnavailableException classify(Throwable failure, String printed, boolean cudaBuild, String platform) {
        String reason = printedReason(printed);
        if (reason == null) {
            reason = reason(failure);
        }
        if (cudaBuild) {
            return new BackendUnavailableException("no CUDA driver or GPU found: this lstm4j was built for CUDA (-Pcuda) "
                    + "and ND4J's CUDA backend could not start (" + reason + "); install an NVIDIA driver with CUDA 11.6, "
                    + "or go back to the CPU build: ./mvnw -B install -DskipTests (without -Pcuda); see docs/gpu.md", failure);
        }
        return new BackendUnavailableException("ND4J's native CPU library could not load on " + platform + " (" + reason
                + "); the class path needs org.nd4j:nd4j-native with the classifier of this platform, see docs/sdk.md", failure);
    }

    /** The first linking error in what ND4J printed, without directories, or null. */
    static String printedReason(String printed) {
        for (String line : printed.split("\\R")) {
            int at = line.indexOf("UnsatisfiedLinkError: ");
            if (at >= 0) {
                return shorten("UnsatisfiedLinkError: " + line.substring(at + "UnsatisfiedLinkError: ".length())
                        .replaceAll("(?<=^|\\s)\\S*/", ""));
            }
        }
        return null;
    }

    /** The deepest message in the chain, on one line and short. */
    static String reason(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        if (message == null) {
            message = failure.getClass().getSimpleName();
        }
        return shorten(message);
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 3) + "...";
    }

    /** JavaCPP's platform name for this JVM, as its {@code Loader} computes it (without loading JavaCPP). */
    static String platform() {
        String configured = System.getProperty("org.bytedeco.javacpp.platform");
        if (configured != null) {
            return configured;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : os.replace(" ", "");
        String archName = switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return osName + "-" + archName;
    }
}
