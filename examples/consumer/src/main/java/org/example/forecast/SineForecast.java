package org.example.forecast;

import org.lstm4j.api.BatchSize;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SplitSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.ExperimentResult;

/**
 * lstm4j from another project: the sine forecast of {@code examples/sine/sine.yaml} through {@link Experiment#run},
 * printing the test RMSE. docs/sdk.md shows the regions marked below; a test keeps them equal.
 */
public final class SineForecast {
    private SineForecast() {
    }

    /** Trains, evaluates, prints the test RMSE beside the naive forecast's and the compute threads used. */
    public static void main(String[] args) {
        // region: run
        ExperimentSpec spec = ExperimentSpec.defaults().withName("sine").withSeed(7)
                .withData(DataSpec.defaults().withSource(SourceSpec.Synthetic.sine()).withWindow(10)
                        .withSplit(new SplitSpec(0.8, 0.1, 0.1)))
                .withModel(ModelSpec.defaults().withHiddenSize(50).withNumLayers(2))
                .withTraining(TrainingSpec.defaults().withEpochs(100).withBatchSize(BatchSize.full())
                        .withShuffle(false).withOptimizer(OptimizerSpec.adam(0.01)));
        ExperimentResult result = Experiment.run(spec, TrainingListener.NONE);
        System.out.printf("test rmse %.5f (naive %.5f)%n", result.test().model().rmse(),
                result.test().baselines().get("naive").rmse());
        // endregion
        System.out.printf("threads %d (from %s)%n", result.training().backend().threads(),
                result.training().backend().threadsSource());
        // region: close
        result.model().close(); // frees the network's native memory now, not when the garbage collector runs
        // endregion
    }
}
