package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.cli.bench.ChildJvm;
import org.lstm4j.core.Checkpointing;

/**
 * {@code lstm train} killed with SIGKILL ({@code Process.destroyForcibly}) in a child JVM after its first checkpoint,
 * then {@code --resume}d in another child, ends with the history (losses bit for bit, wall times aside), metrics,
 * forecasts and model of the same run never interrupted; the killed run leaves no run directory, only its
 * {@code DIR.partial}.
 */
class KillAndResumeTest {
    private static final int EPOCHS = 30;
    private static final String EXPERIMENT = """
            name: killed
            seed: 9
            data:
              synthetic: {function: sine, end: 40.0, noise: 0.05}
              window: 6
              split: {train: 0.7, validation: 0.15, test: 0.15}
            model: {hidden_size: 6, num_layers: 1}
            training:
              epochs: %d
              batch_size: 16
              optimizer: {learning_rate: 0.02}
              scheduler: {type: cosine, t_max: 20}
              checkpoint: {every_epochs: 3}
            output: {plots: false}
            """.formatted(EPOCHS);

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidTrainingAndResumedEndsAsTheRunNeverInterrupted() throws Exception {
        Path yaml = Files.writeString(dir.resolve("killed.yaml"), EXPERIMENT);
        Path reference = dir.resolve("reference");
        long start = System.nanoTime();
        CliRun straight = CliRun.of("train", yaml.toString(), "--output", reference.toString());
        assertThat(straight.exitCode()).as(straight.err()).isZero();

        Path run = dir.resolve("run");
        Path partial = run.resolveSibling("run.partial");
        Path checkpoint = partial.resolve(Checkpointing.FILE);
        Process killed = lstm("train", yaml.toString(), "--output", run.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long spawned = System.nanoTime();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(checkpoint) && killed.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(killed.isAlive()).as("still training when its first checkpoint appears").isTrue();
        } finally {
            killed.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
        }
        System.out.printf("killed %.1f s after its start, at its first checkpoint%n", (System.nanoTime() - spawned) / 1e9);
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(run).as("no half-written run directory").doesNotExist();
        assertThat(checkpoint).isRegularFile();

        Process resumed = lstm("train", yaml.toString(), "--output", run.toString(), "--resume")
                .redirectErrorStream(true).start();
        String output = new String(resumed.getInputStream().readAllBytes());
        assertThat(resumed.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(resumed.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("resuming from the checkpoint of epoch \\d+/" + EPOCHS)
                .contains("epoch   30/30").doesNotContain("epoch    1/30");
        int resumedAt = Integer.parseInt(output.replaceAll("(?s).*checkpoint of epoch (\\d+)/.*", "$1"));
        assertThat(resumedAt).isBetween(3, EPOCHS - 1);
        assertThat(partial).as("renamed to the run directory").doesNotExist();
        System.out.printf("reference, killed and resumed runs: %.1f s%n", (System.nanoTime() - start) / 1e9);

        assertThat(historyWithoutSeconds(run)).isEqualTo(historyWithoutSeconds(reference));
        assertThat(metricsWithoutTime(run)).isEqualTo(metricsWithoutTime(reference));
        for (String file : new String[] {"predictions.csv", "experiment.yaml"}) {
            assertThat(Files.readString(run.resolve(file))).as(file).isEqualTo(Files.readString(reference.resolve(file)));
        }
        assertThat(SameRun.zipEntries(Files.readAllBytes(run.resolve("model.zip")))).as("model.zip, entry by entry")
                .isEqualTo(SameRun.zipEntries(Files.readAllBytes(reference.resolve("model.zip"))));
    }

    /** {@code lstm ARGS} in a fresh JVM with this JVM's java, options, class path and environment. */
    private static ProcessBuilder lstm(String... args) {
        return new ProcessBuilder(ChildJvm.lstm(List.of(args)));
    }

    private static List<String> historyWithoutSeconds(Path run) throws IOException {
        return Files.readAllLines(run.resolve("history.csv")).stream().map(line -> line.substring(0, line.lastIndexOf(',')))
                .toList();
    }

    private static String metricsWithoutTime(Path run) throws IOException {
        return Files.readString(run.resolve("metrics.json")).replaceAll("\"train_seconds\" : [0-9.E-]+", "");
    }
}
