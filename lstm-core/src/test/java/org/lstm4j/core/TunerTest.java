package org.lstm4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.ExperimentLoader;
import org.lstm4j.tuning.SearchResult;

/** A 2 x 2 x 2 grid on a small sine, on the real backend: trials, ranking, best experiment, resume. */
class TunerTest {
    private static final String GRID = """
            name: grid
            seed: 3
            data:
              synthetic: {function: sine, end: 25.0}
              window: 6
              split: {train: 0.7, validation: 0.15, test: 0.15}
            model: {hidden_size: 8, num_layers: 1}
            training: {epochs: 3, batch_size: 32}
            tuning:
              parameters:
                model.hidden_size: [4, 8]
                model.num_layers: [1, 2]
                training.optimizer.learning_rate: [0.01, 0.02]
            output: {plots: false}
            """;

    @TempDir
    Path dir;

    @Test
    void eightTrialsRankedWithABestExperimentThatTrainsAgainAndARerunThatSkipsThemAll() throws Exception {
        Path yaml = dir.resolve("grid.yaml");
        Files.writeString(yaml, GRID);
        ExperimentSpec base = ExperimentLoader.load(yaml).spec();
        Path search = dir.resolve("search");

        SearchResult first = Tuner.run(base, search, trial -> { });
        assertThat(first.trials()).hasSize(8);
        assertThat(first.trialsRun()).isEqualTo(8);
        assertThat(first.trials()).allSatisfy(t -> assertThat(t.ok()).isTrue());
        assertThat(first.trials()).extracting(t -> t.metric()).isSorted();
        assertThat(Files.readAllLines(search.resolve("trials.csv"))).hasSize(9);
        for (int trial = 1; trial <= 8; trial++) {
            assertThat(search.resolve("trial-%03d/metrics.json".formatted(trial))).exists();
        }

        Path best = search.resolve(Tuner.BEST_EXPERIMENT);
        ExperimentSpec bestSpec = ExperimentLoader.load(best).spec();
        Map<String, Object> assignment = first.best().orElseThrow().assignment();
        assertThat((long) bestSpec.model().hiddenSize()).isEqualTo(assignment.get("model.hidden_size"));
        assertThat((long) bestSpec.model().numLayers()).isEqualTo(assignment.get("model.num_layers"));
        ExperimentResult again = Experiment.run(bestSpec, TrainingListener.NONE);
        assertThat(again.validation().model().rmse()).isEqualTo(first.best().orElseThrow().metric());

        SearchResult rerun = Tuner.run(base, search, trial -> { });
        assertThat(rerun.trialsRun()).isZero();
        assertThat(rerun.trialsSkipped()).isEqualTo(8);
        assertThat(rerun.best().orElseThrow().trial()).isEqualTo(first.best().orElseThrow().trial());
    }

    @Test
    void aParameterThatIsNotInTheExperimentIsRefusedBeforeAnythingTrains() throws Exception {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, GRID.replace("model.num_layers: [1, 2]", "model.num_layer: [1, 2]")
                .replace("training.optimizer.learning_rate: [0.01, 0.02]", "training.optimizer.learning_rate: [0.01, -1]"));
        ExperimentSpec base = ExperimentLoader.load(yaml).spec();
        assertThatThrownBy(() -> Tuner.assignments(base)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("tuning.parameters.model.num_layer: no such key in the experiment: 'model.num_layer'; did you mean 'num_layers'?");
        assertThat(dir.resolve("search")).doesNotExist();
        Files.writeString(yaml, GRID.replace("training.optimizer.learning_rate: [0.01, 0.02]", "training.optimizer.learning_rate: [0.01, -1]"));
        ExperimentSpec negative = ExperimentLoader.load(yaml).spec();
        assertThatThrownBy(() -> Tuner.assignments(negative)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("tuning.parameters.training.optimizer.learning_rate: value -1: must be in (0, 10], was -1.0");
    }

    @Test
    void aValidationMetricNeedsAValidationPart() throws Exception {
        Path yaml = dir.resolve("noval.yaml");
        Files.writeString(yaml, GRID.replace("split: {train: 0.7, validation: 0.15, test: 0.15}", "split: {train: 0.8, validation: 0.0, test: 0.2}"));
        ExperimentSpec base = ExperimentLoader.load(yaml).spec();
        assertThatThrownBy(() -> Tuner.assignments(base)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("tuning.metric: 'val_rmse' needs a validation part");
        assertThat(Tuner.assignments(base.withTuning(new org.lstm4j.api.TuningSpec(base.tuning().strategy(), base.tuning().parameters(),
                20, "test_mae", 1)))).hasSize(8);
    }

    @Test
    void aTrialKilledMidWayResumesFromItsCheckpointAndEndsAsTheTrialNeverInterrupted() throws Exception {
        Path yaml = dir.resolve("pair.yaml");
        Files.writeString(yaml, GRID.replace("name: grid", "name: pair")
                .replace("training: {epochs: 3, batch_size: 32}", "training: {epochs: 6, batch_size: 32, checkpoint: {every_epochs: 2}}")
                .replace("    model.hidden_size: [4, 8]\n    model.num_layers: [1, 2]\n", "")); // a rate pair
        ExperimentSpec base = ExperimentLoader.load(yaml).spec();
        SearchResult straight = Tuner.run(base, dir.resolve("straight"), trial -> { });

        // trial 1 of a second search killed after epoch 3: its checkpoint of epoch 2 waits in trial-001.partial
        Path search = dir.resolve("killed");
        Path partial = RunDirectory.partialOf(search.resolve("trial-001"));
        ExperimentSpec trial = org.lstm4j.core.config.SpecOverrides.apply(base, Tuner.assignments(base).get(0));
        TrainingListener kill = new TrainingListener() {
            @Override
            public void onEpochEnd(org.lstm4j.api.EpochResult epoch, org.lstm4j.api.TrainingControl control) {
                if (epoch.epoch() == 3) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThatThrownBy(() -> Experiment.run(trial, kill, Checkpointing.in(partial))).hasMessage("killed");
        // mark the checkpoint (epoch 1's wall time, which training does not read) to see the resume use it
        Path file = partial.resolve(Checkpointing.FILE);
        CheckpointFile checkpoint = CheckpointFile.read(file);
        var state = checkpoint.training();
        var marked = new java.util.ArrayList<>(state.history());
        org.lstm4j.api.EpochResult first = marked.get(0);
        marked.set(0, new org.lstm4j.api.EpochResult(1, first.trainLoss(), first.valLoss(), first.learningRate(), 1234.5));
        var forged = new CheckpointFile(checkpoint.experiment(), checkpoint.specSha256(), checkpoint.backend(),
                new org.lstm4j.api.TrainingState(2, marked, state.learningRate(), state.trainSeconds(), state.backendState()),
                checkpoint.earlyStopping(), checkpoint.plateau());
        AtomicFiles.write(file, forged::write);

        SearchResult resumed = Tuner.run(base, search, t -> { });

        assertThat(Files.readAllLines(search.resolve("trial-001/history.csv")).get(1)).endsWith(",1234.5");
        assertThat(partial).doesNotExist();
        assertThat(resumed.trials()).extracting(t -> t.metric())
                .isEqualTo(straight.trials().stream().map(t -> t.metric()).toList());
        assertThat(Files.readString(search.resolve("trial-001/metrics.json")).replaceAll("\"train_seconds\" : [0-9.E-]+", ""))
                .isEqualTo(Files.readString(dir.resolve("straight/trial-001/metrics.json"))
                        .replaceAll("\"train_seconds\" : [0-9.E-]+", ""));
    }
}
