package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lstm tune}: trials, ranked table, best experiment that trains again, resume. */
class TuneCommandTest {
    @TempDir
    Path dir;

    @Test
    void searchesRanksWritesTheBestExperimentAndResumes() throws IOException {
        Path yaml = dir.resolve("tune.yaml");
        Files.writeString(yaml, """
                name: tiny
                data:
                  synthetic: {function: sine, end: 25.0}
                  window: 6
                model: {hidden_size: 6, num_layers: 1}
                training: {epochs: 2, batch_size: 32}
                tuning:
                  parameters:
                    model.hidden_size: [4, 6]
                    training.optimizer.learning_rate: [0.01, 0.03]
                  parallelism: 2
                output: {plots: false}
                """);
        CliRun first = CliRun.of("tune", yaml.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path search = dir.resolve("runs/tiny-tune");
        assertThat(first.out()).contains("4 trials (grid), 2 at a time, minimising val_rmse").contains("trial-004")
                .contains("rank").contains("best experiment: " + search.resolve("best-experiment.yaml"));
        assertThat(Files.readAllLines(search.resolve("trials.csv"))).hasSize(5);

        CliRun train = CliRun.of("train", search.resolve("best-experiment.yaml").toString(), "--output", dir.resolve("best").toString());
        assertThat(train.exitCode()).as(train.err()).isZero();

        CliRun again = CliRun.of("tune", yaml.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("4 trial(s) finished earlier were not trained again").doesNotContain("trial-001 ok");

        Path trials = search.resolve("trials.csv");
        List<String> lines = Files.readAllLines(trials);
        Files.writeString(trials, lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2).substring(0, lines.get(2).indexOf(',', 3)) + "\n");
        CliRun damaged = CliRun.of("tune", yaml.toString());
        assertThat(damaged.exitCode()).as("a damaged trials.csv is bad input").isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(damaged.err().lines()).singleElement().asString().startsWith("lstm tune: " + trials + ": row 3 has 2 fields, the header ");
    }

    @Test
    void aBadParameterPathIsAConfigErrorWithTheTuningLine() throws IOException {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, """
                data: {synthetic: {function: sine}}
                tuning:
                  parameters:
                    model.hiden_size: [4, 6]
                """);
        CliRun result = CliRun.of("tune", yaml.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(yaml + ":4:").contains("tuning.parameters.model.hiden_size: no such key")
                .contains("did you mean 'hidden_size'?");
    }
}
