package org.lstm4j.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lstm4j.cli.CliRun;

/**
 * Small bundles trained once per test JVM by {@code lstm train} on a CSV: {@code uni} reads its target {@code y}
 * (no transform); {@code diff} reads only {@code x}, differenced, so its raw windows carry {@code y} too;
 * {@code attention} reads {@code y} and {@code x}; {@code bilstm} reads {@code y} through a log transform. Public for
 * the tests of other commands that need a trained bundle ({@code lstm export}).
 */
public final class TrainedBundles {
    public static final Path DIR;
    public static final Path HISTORY;
    public static final Path UNI;
    public static final Path DIFF;
    public static final Path ATTENTION;
    public static final Path BILSTM;

    static {
        try {
            DIR = Files.createTempDirectory("lstm4j-serve-test");
            StringBuilder csv = new StringBuilder("year,y,x\n");
            for (int i = 0; i < 160; i++) {
                csv.append(1900 + i).append(',').append(50 + 20 * Math.sin(i * 0.4) + 0.05 * i).append(',')
                        .append(Math.cos(i * 0.4)).append('\n');
            }
            HISTORY = DIR.resolve("history.csv");
            Files.writeString(HISTORY, csv);
            UNI = train("uni", "features: [y]\n  window: 6\n  horizon: 2");
            DIFF = train("diff", "features: [x]\n  window: 5\n  horizon: 3\n  transform: difference");
            ATTENTION = train("attention", "features: [y, x]\n  window: 6\n  horizon: 2", "architecture: attention");
            BILSTM = train("bilstm", "features: [y]\n  window: 6\n  horizon: 2\n  transform: log",
                    "architecture: bilstm, bidirectional_merge: sum");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TrainedBundles() {}

    private static Path train(String name, String data) throws IOException {
        return train(name, data, "architecture: lstm");
    }

    private static Path train(String name, String data, String architecture) throws IOException {
        Path yaml = DIR.resolve(name + ".yaml");
        Files.writeString(yaml, """
                name: %s
                data:
                  source: {csv: history.csv, time_column: year}
                  target: y
                  %s
                model: {%s, hidden_size: 8, num_layers: 2}
                training: {epochs: 3, batch_size: 32}
                output: {plots: false}
                """.formatted(name, data, architecture));
        Path run = DIR.resolve(name + "-run");
        CliRun result = CliRun.of("train", yaml.toString(), "--output", run.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        return run.resolve("model.zip");
    }
}
