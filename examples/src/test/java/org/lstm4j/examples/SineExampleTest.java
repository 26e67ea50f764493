package org.lstm4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.ExperimentResult;
import org.lstm4j.core.Experiments;
import org.lstm4j.core.ModelBundle;

/** The README's promise: the sine example reaches test RMSE below 0.05 and below the naive forecast. */
class SineExampleTest {
    @TempDir
    Path dir;

    @Test
    void theYamlAndTheJavaProgramAreTheSameExperimentAndItForecastsWell() throws Exception {
        ExperimentSpec fromYaml = Experiments.load(Path.of("sine/sine.yaml"));
        ExperimentSpec fromJava = SineWaveForecast.spec();
        assertThat(fromYaml.withOutput(fromJava.output())).isEqualTo(fromJava);

        ExperimentResult result = Experiment.run(fromYaml, TrainingListener.NONE);
        assertThat(result.test().model().rmse()).isLessThan(0.05)
                .isLessThan(result.test().baselines().get("naive").rmse());
        assertThat(result.training().epochsRun()).isEqualTo(100);

        Path bundle = dir.resolve("sine.zip");
        result.saveBundle(bundle);
        assertThat(ModelBundle.load(bundle).forecast(result.data().series(), result.data().split().test()).predicted())
                .isDeepEqualTo(result.testForecast().predicted());
        assertThat(Files.size(bundle)).isPositive();
    }
}
