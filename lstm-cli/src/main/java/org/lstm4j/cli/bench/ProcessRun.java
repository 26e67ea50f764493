package org.lstm4j.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One child process with stdout and stderr merged: its exit code, the first line starting with {@code {} (a JSON
 * result) with the time from spawn to that line, and the output's last lines for error messages.
 *
 * @param exitCode       exit code
 * @param json           the first line starting with {@code {}, or null
 * @param secondsToJson  seconds from spawning the process to reading that line (NaN without one)
 * @param seconds        seconds from spawning the process to its exit
 * @param tail           the output's last lines
 */
record ProcessRun(int exitCode, String json, double secondsToJson, double seconds, List<String> tail) {
    private static final int TAIL = 25;

    /**
     * Runs {@code command} to its end.
     *
     * @throws IOException when it cannot be started
     */
    static ProcessRun of(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close(); // no input
        String json = null;
        double secondsToJson = Double.NaN;
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (json == null && line.startsWith("{")) {
                    secondsToJson = (System.nanoTime() - start) / 1e9;
                    json = line;
                }
                tail.addLast(line);
                if (tail.size() > TAIL) {
                    tail.removeFirst();
                }
            }
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        }
        return new ProcessRun(exit, json, secondsToJson, (System.nanoTime() - start) / 1e9, List.copyOf(tail));
    }

    /** Whether it exited with 0 and printed a result. */
    boolean succeeded() {
        return exitCode == 0 && json != null;
    }

    /** Why it failed, with its last lines of output. */
    String failure(String what) {
        StringBuilder s = new StringBuilder(what).append(" exited with code ").append(exitCode);
        if (json == null) {
            s.append(" without printing a result");
        }
        if (!tail.isEmpty()) {
            s.append("; its last output:");
            for (String line : tail) {
                s.append(System.lineSeparator()).append("  | ").append(line);
            }
        }
        return s.toString();
    }
}
