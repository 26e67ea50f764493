package org.lstm4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.ExperimentResult;
import org.lstm4j.core.Experiments;

/** The sunspots example's claim: skill of at least 0.40 against the naive forecast, without lagging. */
class SunspotsExampleTest {
    @Test
    void theRecommendedSettingsBeatNaiveWithSkillAboveForty() {
        ExperimentResult result = Experiment.run(Experiments.load(Path.of("sunspots/sunspots.yaml")), TrainingListener.NONE);
        assertThat(result.testForecast().size()).isEqualTo(62);
        assertThat(result.seasonLength()).isEqualTo(11);
        assertThat(result.test().skillVsNaive()).isGreaterThanOrEqualTo(0.40);
        assertThat(result.test().model().rmse()).isLessThan(result.test().baselines().get("seasonal_naive").rmse());
        assertThat(result.test().lagging()).isFalse();
    }
}
