package org.lstm4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.CheckpointSpec;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.EarlyStoppingSpec;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.SchedulerSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SplitSpec;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.core.CheckpointException.Reason;

/**
 * The engine's checkpoints on the real backend: a run that crashes after a checkpoint and is resumed ends with the
 * history, metrics, forecasts and parameters of the run never interrupted; a checkpoint that is missing, damaged or of
 * another experiment is refused in one line naming the file.
 */
class CheckpointRunTest {
    /** Early stopping on a validation metric (the engine's listener) and a plateau schedule: every stateful part. */
    static final ExperimentSpec SPEC = ExperimentSpec.defaults().withName("ckpt").withSeed(4)
            .withData(DataSpec.defaults().withSource(SourceSpec.Synthetic.sine().withEnd(30).withNoise(0.05)).withWindow(6)
                    .withSplit(new SplitSpec(0.7, 0.15, 0.15)))
            .withModel(ModelSpec.defaults().withHiddenSize(6).withNumLayers(2).withDropout(0.2))
            .withTraining(TrainingSpec.defaults().withEpochs(8).withBatchSize(BatchSize.of(32))
                    .withOptimizer(OptimizerSpec.adam(0.02)).withCheckpoint(new CheckpointSpec(2))
                    .withScheduler(SchedulerSpec.Plateau.defaults().withPatience(0).withFactor(0.5))
                    .withEarlyStopping(EarlyStoppingSpec.defaults().withPatience(6)
                            .withMonitor(EarlyStoppingSpec.Monitor.VAL_RMSE)));

    @TempDir
    Path dir;

    @Test
    void aRunCrashedAfterACheckpointAndResumedEndsAsTheRunNeverInterrupted() throws IOException {
        ExperimentResult straight = Experiment.run(SPEC, TrainingListener.NONE);
        Path work = dir.resolve("run.partial");
        crashAfterEpoch(5, Checkpointing.in(work));
        assertThat(work.resolve(Checkpointing.FILE)).isRegularFile();

        ExperimentResult resumed = Experiment.run(SPEC, TrainingListener.NONE,
                Checkpointing.in(work).withResume(Checkpointing.Resume.REQUIRED));

        assertSameRun(resumed, straight);
        Path written = RunDirectory.write(resumed, dir.resolve("run"));
        assertThat(work).as("renamed into the run directory").doesNotExist();
        try (Stream<Path> files = Files.list(written)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("experiment.yaml",
                    "metrics.json", "history.csv", "predictions.csv", "model.zip");
        }
    }

    @Test
    void resumingWithoutACheckpointOrStartingOverOneIsRefused() {
        Path work = dir.resolve("run.partial");
        assertThatThrownBy(() -> Experiment.run(SPEC, TrainingListener.NONE,
                Checkpointing.in(work).withResume(Checkpointing.Resume.REQUIRED)))
                .isInstanceOfSatisfying(CheckpointException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
                .hasMessage(work + ": no checkpoint to resume (no checkpoint.lstm4j there)");
        crashAfterEpoch(3, Checkpointing.in(work));
        assertThatThrownBy(() -> Experiment.run(SPEC, TrainingListener.NONE, Checkpointing.in(work)))
                .isInstanceOfSatisfying(CheckpointException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRESENT))
                .hasMessageStartingWith(work.resolve(Checkpointing.FILE) + ": a checkpoint of an unfinished run is there");
    }

    @Test
    void aCheckpointOfAnotherExperimentIsRefusedAndASearchStartsItsTrialAfresh() {
        Path work = dir.resolve("run.partial");
        crashAfterEpoch(3, Checkpointing.in(work));
        ExperimentSpec other = SPEC.withModel(SPEC.model().withHiddenSize(7));
        assertThatThrownBy(() -> Experiment.run(other, TrainingListener.NONE,
                Checkpointing.in(work).withResume(Checkpointing.Resume.REQUIRED)))
                .isInstanceOfSatisfying(CheckpointException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OTHER_EXPERIMENT))
                .hasMessageStartingWith(work.resolve(Checkpointing.FILE) + ": the checkpoint is of another experiment "
                        + "(also named 'ckpt', with other settings or data)");

        // only the checkpoint frequency differs: the same run
        ExperimentSpec everyEpoch = SPEC.withTraining(SPEC.training().withCheckpoint(new CheckpointSpec(1)));
        ExperimentResult resumed = Experiment.run(everyEpoch, TrainingListener.NONE,
                Checkpointing.in(work).withResume(Checkpointing.Resume.REQUIRED));
        assertThat(resumed.training().epochsRun()).isEqualTo(8);

        crashAfterEpoch(3, Checkpointing.in(dir.resolve("b.partial")));
        ExperimentResult afresh = Experiment.run(other, TrainingListener.NONE,
                Checkpointing.in(dir.resolve("b.partial")).withResume(Checkpointing.Resume.IF_POSSIBLE));
        assertSameRun(afresh, Experiment.run(other, TrainingListener.NONE));
    }

    @Test
    void aFlippedBitOrATruncationIsRefusedNamingTheFile() throws IOException {
        Path work = dir.resolve("run.partial");
        crashAfterEpoch(3, Checkpointing.in(work));
        Path file = work.resolve(Checkpointing.FILE);
        byte[] good = Files.readAllBytes(file);
        Checkpointing resume = Checkpointing.in(work).withResume(Checkpointing.Resume.REQUIRED);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        Files.write(file, flipped);
        assertThatThrownBy(() -> Experiment.run(SPEC, TrainingListener.NONE, resume))
                .isInstanceOfSatisfying(CheckpointException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DAMAGED))
                .hasMessage(file + ": damaged checkpoint: its SHA-256 does not match its content (the file was truncated "
                        + "or altered); delete it to start the run again");

        Files.write(file, java.util.Arrays.copyOf(good, good.length - 100));
        assertThatThrownBy(() -> Experiment.run(SPEC, TrainingListener.NONE, resume))
                .hasMessageStartingWith(file + ": damaged checkpoint: its SHA-256 does not match");
        Files.write(file, java.util.Arrays.copyOf(good, 20));
        assertThatThrownBy(() -> Experiment.run(SPEC, TrainingListener.NONE, resume))
                .hasMessageStartingWith(file + ": damaged checkpoint: it is truncated (20 bytes)");
        Files.writeString(file, "epoch,train_loss\n1,0.5\n");
        assertThatThrownBy(() -> Experiment.run(SPEC, TrainingListener.NONE, resume))
                .hasMessageStartingWith(file + ": damaged checkpoint: it is not an lstm4j checkpoint");

        Files.write(file, good);
        assertThat(Experiment.run(SPEC, TrainingListener.NONE, resume).training().epochsRun()).isEqualTo(8);
    }

    @Test
    void theHeaderKeepsEveryDoubleBitForBitNaNAndInfinitiesIncluded() throws IOException {
        List<EpochResult> history = List.of(new EpochResult(1, 0.1 + 0.2, Double.NaN, 1e-3 / 3, 4.9e-324),
                new EpochResult(2, Double.MIN_NORMAL, Double.POSITIVE_INFINITY, Math.PI, Double.MAX_VALUE));
        var state = new org.lstm4j.api.TrainingState(2, history, Math.nextUp(0.001), 12.5, new byte[] {1, 2, 3});
        var checkpoint = new CheckpointFile("x", "abc", "dl4j", state,
                new org.lstm4j.tuning.EarlyStopping.State(Double.POSITIVE_INFINITY, 2, 0, 0),
                new org.lstm4j.tuning.ReduceLrOnPlateau.State(null, -0.0, 1, 3));
        Path file = dir.resolve("c");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        checkpoint.write(bytes);
        Files.write(file, bytes.toByteArray());
        CheckpointFile read = CheckpointFile.read(file);
        assertThat(read.training().history()).isEqualTo(history);
        assertThat(read.training().learningRate()).isEqualTo(Math.nextUp(0.001));
        assertThat(read.training().backendState()).containsExactly(1, 2, 3);
        assertThat(read.earlyStopping()).isEqualTo(checkpoint.earlyStopping());
        assertThat(read.plateau()).isEqualTo(checkpoint.plateau());
    }

    @Test
    void aRunDirectoryWriteKilledHalfWayIsRedoneOverItsLeftoversKeepingTheCheckpoint() throws IOException {
        Path run = dir.resolve("run");
        Path work = RunDirectory.partialOf(run);
        crashAfterEpoch(3, Checkpointing.in(work));
        Files.writeString(work.resolve("metrics.json"), "{\"half\":"); // what a kill during the write leaves
        Files.createDirectories(work.resolve("stray"));
        ExperimentResult resumed = Experiment.run(SPEC, TrainingListener.NONE,
                Checkpointing.in(work).withResume(Checkpointing.Resume.REQUIRED));
        RunDirectory.write(resumed, run);
        assertThat(work).doesNotExist();
        assertThat(run.resolve("stray")).doesNotExist();
        assertThat(run.resolve(Checkpointing.FILE)).doesNotExist();
        assertThat(Files.readString(run.resolve("metrics.json"))).contains("\"epochs_run\" : 8");
    }

    /** Runs {@link #SPEC} with {@code checkpointing} and throws after {@code epoch}, as a kill would stop it. */
    private static void crashAfterEpoch(int epoch, Checkpointing checkpointing) {
        TrainingListener crash = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochResult result, TrainingControl control) {
                if (result.epoch() == epoch) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThatThrownBy(() -> Experiment.run(SPEC, crash, checkpointing)).hasMessage("killed");
    }

    static void assertSameRun(ExperimentResult resumed, ExperimentResult straight) {
        assertThat(resumed.training().history()).extracting(e -> List.of(e.epoch(), e.trainLoss(), e.valLoss(),
                        e.learningRate()))
                .isEqualTo(straight.training().history().stream().map(e -> List.of(e.epoch(), e.trainLoss(), e.valLoss(),
                        e.learningRate())).toList());
        assertThat(withoutTime(RunDirectory.metricsTree(resumed))).isEqualTo(withoutTime(RunDirectory.metricsTree(straight)));
        assertThat(RunDirectory.predictionsCsv(resumed.testForecast()))
                .isEqualTo(RunDirectory.predictionsCsv(straight.testForecast()));
        assertThat(parameters(resumed)).as("parameters, bit for bit").isEqualTo(parameters(straight));
    }

    private static Map<String, Object> withoutTime(Map<String, Object> tree) {
        tree.remove("train_seconds");
        return tree;
    }

    private static byte[] parameters(ExperimentResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            result.model().writeParameters(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
