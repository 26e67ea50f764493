package org.lstm4j.cli.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The backend's inference paths a server wants while it runs: libnd4j's fused {@code lstmLayer} off (it kept about
 * 5 KB of native memory per call, which hundreds of batches a second turn into megabytes a second; measured,
 * docs/serving.md) and restored {@code lstm} models computing batches of up to 64 windows in plain Java, which
 * allocates no native memory. They are JVM-wide system properties, so they are set only where the user set none,
 * and cleared again when the last server in the JVM stops: a JVM that also trains or evaluates (a test, an
 * application that embeds a server for a while) gets the library's defaults back, and with them predictions equal
 * bit for bit to the saved network's.
 */
final class ServerInferencePaths {
    private static final Map<String, String> WANTED = new LinkedHashMap<>();
    private static final Map<String, Boolean> SET_BY_SERVERS = new LinkedHashMap<>();
    private static int servers;

    static {
        WANTED.put("lstm4j.fusedLstmInference", "false");
        WANTED.put("lstm4j.javaInferenceWindows", "64");
    }

    private ServerInferencePaths() {
    }

    /** A server starts. */
    static synchronized void acquire() {
        if (servers++ == 0) {
            for (Map.Entry<String, String> wanted : WANTED.entrySet()) {
                boolean unset = System.getProperty(wanted.getKey()) == null;
                SET_BY_SERVERS.put(wanted.getKey(), unset);
                if (unset) {
                    System.setProperty(wanted.getKey(), wanted.getValue());
                }
            }
        }
    }

    /** A server stopped (or failed to start after {@link #acquire}). */
    static synchronized void release() {
        if (servers > 0 && --servers == 0) {
            SET_BY_SERVERS.forEach((property, setByServers) -> {
                if (setByServers) {
                    System.clearProperty(property);
                }
            });
            SET_BY_SERVERS.clear();
        }
    }
}
