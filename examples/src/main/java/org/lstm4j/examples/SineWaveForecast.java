package org.lstm4j.examples;

import java.nio.file.Path;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SplitSpec;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.ExperimentResult;

/** The seed's sine forecast in Java: the same experiment as {@code examples/sine/sine.yaml}. */
public final class SineWaveForecast {
    private SineWaveForecast() {}

    /** sin(t) every 0.1 on [0, 20π), windows of 10, LSTM(50) x 2, Adam 0.01, full batch, 100 epochs. */
    public static ExperimentSpec spec() {
        return ExperimentSpec.defaults().withName("sine").withSeed(7)
                .withData(DataSpec.defaults().withSource(SourceSpec.Synthetic.sine()).withWindow(10)
                        .withSplit(new SplitSpec(0.8, 0.1, 0.1)))
                .withModel(ModelSpec.defaults().withHiddenSize(50).withNumLayers(2))
                .withTraining(TrainingSpec.defaults().withEpochs(100).withBatchSize(BatchSize.full()).withShuffle(false)
                        .withOptimizer(OptimizerSpec.adam(0.01)));
    }

    /** Trains, prints the test RMSE beside the naive forecast's, saves the bundle to {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        TrainingListener progress = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochResult epoch, TrainingControl control) {
                if (epoch.epoch() % 10 == 0) {
                    System.out.printf("epoch %3d  train_loss %.6f  val_loss %.6f%n", epoch.epoch(), epoch.trainLoss(), epoch.valLoss());
                }
            }
        };
        ExperimentResult result = Experiment.run(spec(), progress);
        System.out.printf("test rmse %.5f (naive %.5f)%n", result.test().model().rmse(), result.test().baselines().get("naive").rmse());
        result.saveBundle(Path.of(args.length > 0 ? args[0] : "sine-model.zip"));
    }
}
