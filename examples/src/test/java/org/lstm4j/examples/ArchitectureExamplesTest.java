package org.lstm4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.AttentionWeights;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.ExperimentResult;
import org.lstm4j.core.Experiments;

/** The bilstm, attention and multivariate examples: YAML equals Java, and the promised accuracy. */
class ArchitectureExamplesTest {
    private static ExperimentSpec yaml(String file) {
        return Experiments.load(Path.of(file));
    }

    @Test
    void theBidirectionalSineReachesRmseBelowPointOne() {
        ExperimentSpec spec = yaml("sine/sine-bilstm.yaml");
        assertThat(spec.withOutput(BidirectionalForecast.spec().output())).isEqualTo(BidirectionalForecast.spec());
        ExperimentResult result = Experiment.run(spec, TrainingListener.NONE);
        assertThat(result.test().model().rmse()).isLessThan(0.1).isLessThan(result.test().baselines().get("naive").rmse());
    }

    @Test
    void theAttentionSineReachesRmseBelowPointOneAndShowsItsWeights() {
        ExperimentSpec spec = yaml("sine/sine-attention.yaml");
        assertThat(spec.withOutput(AttentionForecast.spec().output())).isEqualTo(AttentionForecast.spec());
        ExperimentResult result = Experiment.run(spec, TrainingListener.NONE);
        assertThat(result.test().model().rmse()).isLessThan(0.1).isLessThan(result.test().baselines().get("naive").rmse());
        assertThat(result.model()).isInstanceOf(AttentionWeights.class);
        double[][] weights = ((AttentionWeights) result.model()).attentionWeights(result.data().test());
        assertThat(weights).hasNumberOfRows(result.testForecast().size());
        assertThat(java.util.Arrays.stream(weights[0]).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void theMacroExampleForecastsFourQuartersFromSixIndicators() {
        ExperimentSpec spec = yaml("macro/macro.yaml");
        assertThat(spec.withOutput(MacroForecast.spec(Path.of("macro/data/macrodata.csv").toAbsolutePath().normalize()).output()))
                .isEqualTo(MacroForecast.spec(Path.of("macro/data/macrodata.csv").toAbsolutePath().normalize()).withName(spec.name()));
        ExperimentResult result = Experiment.run(spec, TrainingListener.NONE);
        assertThat(result.test().perStep()).hasSize(4);
        assertThat(result.test().model().rmse()).isLessThan(result.test().baselines().get("naive").rmse());
    }
}
