package org.lstm4j.dl4j.internal;

import java.io.PrintStream;

/**
 * Keeps SameDiff's debugging output off the console. ND4J M2.1 prints one {@code Added differentiated op ...} line
 * per operation to {@code System.out} when a SameDiff layer builds its gradient function, on the first backward
 * pass of each network; a library must stay quiet. While {@link #suppress} runs, {@code System.out} drops those lines
 * and passes every other line through unchanged, so other threads' output is not lost.
 */
final class SameDiffChatter {
    static final String PREFIX = "Added differentiated op";

    private SameDiffChatter() {
    }

    /** Runs {@code action} with SameDiff's gradient-function lines filtered out of {@code System.out}. */
    static void suppress(Runnable action) {
        synchronized (SameDiffChatter.class) {
            PrintStream original = System.out;
            PrintStream filtered = new PrintStream(original, true) {
                @Override
                public void println(String line) {
                    if (line == null || !line.startsWith(PREFIX)) {
                        super.println(line);
                    }
                }
            };
            System.setOut(filtered);
            try {
                action.run();
            } finally {
                filtered.flush();
                if (System.out == filtered) {
                    System.setOut(original);
                }
            }
        }
    }
}
