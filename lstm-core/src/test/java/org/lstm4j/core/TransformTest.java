package org.lstm4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SplitSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingSpec;

/**
 * A trend whose test part leaves the training range: a network on levels cannot extrapolate, a network on
 * differences can. Every reported number is in levels.
 */
class TransformTest {
    @TempDir
    Path dir;

    @Test
    void differenceBeatsNoneAndNaiveOnATrendLeavingTheTrainRange() throws IOException {
        Path csv = dir.resolve("trend.csv");
        StringBuilder text = new StringBuilder("t,y\n");
        Random noise = new Random(1);
        for (int t = 0; t < 300; t++) {
            text.append(t).append(',').append(10 + 0.08 * t + Math.sin(2 * Math.PI * t / 12) + 0.05 * noise.nextGaussian()).append('\n');
        }
        Files.writeString(csv, text);
        DataSpec data = DataSpec.defaults().withSource(SourceSpec.Csv.of(csv)).withTarget("y").withWindow(12)
                .withSplit(new SplitSpec(0.7, 0.1, 0.2));
        ExperimentSpec none = ExperimentSpec.defaults().withSeed(11).withData(data)
                .withModel(ModelSpec.defaults().withHiddenSize(16).withNumLayers(1))
                .withTraining(TrainingSpec.defaults().withEpochs(40).withBatchSize(BatchSize.of(32)).withOptimizer(OptimizerSpec.adam(0.01)));
        ExperimentSpec difference = none.withData(data.withTransform(DataSpec.Transform.DIFFERENCE));

        ExperimentResult onLevels = Experiment.run(none, TrainingListener.NONE);
        ExperimentResult onChanges = Experiment.run(difference, TrainingListener.NONE);

        double naive = onChanges.test().baselines().get("naive").rmse();
        assertThat(onLevels.test().baselines().get("naive").rmse()).isEqualTo(naive);
        assertThat(onChanges.test().model().rmse()).isLessThan(naive).isLessThan(onLevels.test().model().rmse());
        assertThat(onLevels.test().skillVsNaive()).isLessThanOrEqualTo(0);
        assertThat(onLevels.test().lagging()).isTrue();
        // levels, not changes: the forecasts are near the actual values (about 30 at the end of the series)
        double[] lastForecast = onChanges.testForecast().predicted()[onChanges.testForecast().size() - 1];
        assertThat(lastForecast[0]).isBetween(30.0, 36.0);
    }
}
