package org.lstm4j.examples;

import java.nio.file.Path;
import java.util.List;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.EarlyStoppingSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.ScalerSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SplitSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.ExperimentResult;
import org.lstm4j.data.Metrics;

/**
 * A multivariate forecast: six US macro indicators in, real GDP four quarters ahead out (the same
 * experiment as {@code examples/macro/macro.yaml}); prints the error of each quarter ahead.
 */
public final class MacroForecast {
    private MacroForecast() {}

    /** The macro experiment reading {@code csv} (examples/macro/data/macrodata.csv). */
    public static ExperimentSpec spec(Path csv) {
        return ExperimentSpec.defaults().withName("macro-gdp").withSeed(42)
                .withData(DataSpec.defaults().withSource(SourceSpec.Csv.of(csv))
                        .withFeatures(List.of("realgdp", "realcons", "realinv", "unemp", "tbilrate", "infl")).withTarget("realgdp")
                        .withWindow(8).withHorizon(4).withTransform(DataSpec.Transform.DIFFERENCE)
                        .withScaler(ScalerSpec.of(ScalerSpec.ScalerType.STANDARD)).withSplit(new SplitSpec(0.7, 0.1, 0.2)))
                .withModel(ModelSpec.defaults().withHiddenSize(32).withNumLayers(1))
                .withTraining(TrainingSpec.defaults().withEpochs(100).withBatchSize(BatchSize.of(16))
                        .withOptimizer(OptimizerSpec.adam(0.01))
                        .withEarlyStopping(EarlyStoppingSpec.defaults().withPatience(20)));
    }

    public static void main(String[] args) {
        Path csv = Path.of(args.length > 0 ? args[0] : "examples/macro/data/macrodata.csv");
        ExperimentResult result = Experiment.run(spec(csv), TrainingListener.NONE);
        System.out.printf("real GDP, 4 quarters ahead: test rmse %.1f, naive %.1f, skill %.3f%n", result.test().model().rmse(),
                result.test().baselines().get("naive").rmse(), result.test().skillVsNaive());
        List<Metrics> perStep = result.test().perStep();
        for (int step = 0; step < perStep.size(); step++) {
            System.out.printf("  quarter +%d: rmse %.1f%n", step + 1, perStep.get(step).rmse());
        }
    }
}
