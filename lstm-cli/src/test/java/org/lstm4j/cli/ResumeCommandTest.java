package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.core.Checkpointing;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.RunDirectory;
import org.lstm4j.core.config.ExperimentLoader;

/**
 * {@code lstm train --resume} and the checkpoint's problems as a user meets them: each is one line on standard
 * error and exit code 2, before anything trains.
 */
class ResumeCommandTest {
    /** {@link TrainCommandTest#SMALL_SINE}, smaller and shorter, checkpointed every 2 epochs. */
    private static final String TINY = TrainCommandTest.SMALL_SINE.replace("epochs: 20", "epochs: 6\n  checkpoint: {every_epochs: 2}")
            .replace("hidden_size: 12", "hidden_size: 4") + "output: {plots: false}\n";

    @TempDir
    Path dir;

    @Test
    void resumingWhatIsNotThereSaysSoInOneLine() throws IOException {
        Path yaml = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path run = dir.resolve("out");
        CliRun missing = CliRun.of("train", yaml.toString(), "--output", run.toString(), "--resume");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("lstm: --resume: no checkpoint in " + RunDirectory.partialOf(run)
                + " to resume; run without --resume to start\n");
        assertThat(run).doesNotExist();

        CliRun nowhere = CliRun.of("train", yaml.toString(), "--resume");
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err()).isEqualTo("lstm: --resume: no unfinished run of 'tiny' in " + dir.resolve("runs")
                + " (no tiny-*.partial with a checkpoint); give its --output DIR\n");

        assertThat(CliRun.of("train", yaml.toString(), "--output", run.toString()).exitCode()).isZero();
        CliRun finished = CliRun.of("train", yaml.toString(), "--output", run.toString(), "--resume");
        assertThat(finished.exitCode()).isEqualTo(2);
        assertThat(finished.err()).isEqualTo("lstm: " + run + " exists and is not empty: that run is finished, nothing to resume\n");
        CliRun again = CliRun.of("train", yaml.toString(), "--output", run.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("lstm: " + run + " exists and is not empty; choose another --output\n");
        assertThat(again.out()).doesNotContain("epoch");
    }

    @Test
    void anUnfinishedRunIsContinuedOnlyByItsOwnExperimentAndOnlyWhenWhole() throws IOException {
        Path yaml = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        ExperimentSpec spec = ExperimentLoader.load(yaml).spec();
        Path run = RunDirectory.defaultLocation(spec, LocalDateTime.of(2024, 5, 1, 12, 0));
        Path partial = RunDirectory.partialOf(run);
        killAfterEpoch3(spec, partial);
        Path checkpoint = partial.resolve(Checkpointing.FILE);

        CliRun fresh = CliRun.of("train", yaml.toString(), "--output", run.toString());
        assertThat(fresh.exitCode()).isEqualTo(2);
        assertThat(fresh.err()).isEqualTo("lstm: " + partial + " holds the checkpoint of an unfinished run; continue it with "
                + "--resume, or delete " + partial + " to start again\n");

        Path other = Files.writeString(dir.resolve("other.yaml"), TINY.replace("hidden_size: 4", "hidden_size: 5"));
        CliRun foreign = CliRun.of("train", other.toString(), "--output", run.toString(), "--resume");
        assertThat(foreign.exitCode()).isEqualTo(2);
        assertThat(foreign.err()).startsWith("lstm: " + checkpoint + ": the checkpoint is of another experiment")
                .doesNotContain("\tat ").hasLineCount(1);

        byte[] good = Files.readAllBytes(checkpoint);
        byte[] flipped = good.clone();
        flipped[40] ^= 1;
        Files.write(checkpoint, flipped);
        CliRun damaged = CliRun.of("train", yaml.toString(), "--resume");
        assertThat(damaged.exitCode()).isEqualTo(2);
        assertThat(damaged.err()).isEqualTo("lstm: " + checkpoint + ": damaged checkpoint: its SHA-256 does not match its "
                + "content (the file was truncated or altered); delete it to start the run again\n");
        assertThat(run).doesNotExist();

        Files.write(checkpoint, good);
        CliRun resumed = CliRun.of("train", yaml.toString(), "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming from the checkpoint of epoch 2/6").contains("epoch    6/6")
                .doesNotContain("epoch    1/6").contains("run directory: " + run);
        assertThat(partial).doesNotExist();
        assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(7);
    }

    @Test
    void aNegativeCheckpointIntervalIsAConfigProblem() throws IOException {
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), TINY.replace("every_epochs: 2", "every_epochs: -1"));
        CliRun result = CliRun.of("validate", yaml.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(yaml + ":10:").contains("training.checkpoint.every_epochs");
    }

    /** Trains {@code spec} with checkpoints in {@code partial} and stops it as a kill would, after epoch 3. */
    private static void killAfterEpoch3(ExperimentSpec spec, Path partial) {
        TrainingListener kill = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochResult epoch, TrainingControl control) {
                if (epoch.epoch() == 3) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThatThrownBy(() -> Experiment.run(spec, kill, Checkpointing.in(partial))).hasMessage("killed");
    }
}
