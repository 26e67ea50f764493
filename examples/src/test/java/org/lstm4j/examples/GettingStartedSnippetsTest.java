package org.lstm4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.EarlyStoppingSpec;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.RecordingTrainingControl;
import org.lstm4j.api.SchedulerSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SplitSpec;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.core.Experiments;

/** The Java snippets of docs/getting-started.md, as written there (without training). */
class GettingStartedSnippetsTest {

    @Test
    void namedSpecs() {
        SchedulerSpec.Plateau plateau = SchedulerSpec.Plateau.defaults().withFactor(0.5).withPatience(2);

        ExperimentSpec spec = ExperimentSpec.defaults().withName("sunspots")
                .withData(DataSpec.defaults().withSource(SourceSpec.Csv.of(Path.of("data/sunspots.csv")).withTimeColumn("YEAR"))
                        .withTarget("SUNACTIVITY").withSplit(SplitSpec.defaults().withValidation(0.0).withTest(0.2)))
                .withTraining(TrainingSpec.defaults().withScheduler(plateau)
                        .withEarlyStopping(EarlyStoppingSpec.defaults().withPatience(10)));

        assertThat(plateau).isEqualTo(new SchedulerSpec.Plateau(0.5, 2, 1e-4, SchedulerSpec.ThresholdMode.REL, 0, 0.0, 1e-8, 0));
        assertThat(spec.data().split().train()).isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(spec.training().scheduler()).isEqualTo(plateau);
        assertThatThrownBy(() -> plateau.withFactor(1.5)).hasMessage("Plateau: factor must be < 1, was 1.5");
    }

    @Test
    void experimentsFromYaml() {
        ExperimentSpec spec = Experiments.load(Path.of("sunspots/sunspots.yaml"))
                .withSeed(7);

        assertThat(spec.name()).isEqualTo("sunspots");
        assertThat(spec.seed()).isEqualTo(7);
        assertThat(((SourceSpec.Csv) spec.data().source()).csv()).exists();
    }

    @Test
    void testingAListener() {
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochResult epoch, TrainingControl control) {
                control.markBest();
            }
        };

        RecordingTrainingControl control = new RecordingTrainingControl(0.01);
        listener.onStart(control);
        listener.onEpochEnd(EpochResult.builder().epoch(1).trainLoss(0.4).valLoss(0.5).build(), control.atEpoch(1));
        assertThat(control.stopReason()).isEmpty();
        assertThat(control.learningRateChanges()).isEmpty();
        assertThat(control.markedEpochs()).containsExactly(1);
    }
}
