package org.lstm4j.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OutputSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.TuningSpec;

/** A search of {@value #TRIALS} trials (hidden size 3 or 5) over a short synthetic sine, 2 epochs each, one thread. */
final class TuningFixture {
    static final int TRIALS = 2;

    private TuningFixture() {}

    static ExperimentSpec spec(Path output) {
        Map<String, List<Object>> parameters = new LinkedHashMap<>();
        parameters.put("model.hidden_size", List.of(3, 5));
        return ExperimentSpec.defaults().withName("spark-tune").withSeed(5)
                .withData(DataSpec.defaults().withSource(SourceSpec.Synthetic.defaults().withEnd(12.0)).withWindow(5))
                .withModel(ModelSpec.defaults().withHiddenSize(3).withNumLayers(1))
                .withTraining(TrainingSpec.defaults().withEpochs(2).withThreads(1))
                .withTuning(TuningSpec.defaults().withParameters(parameters).withMetric("val_rmse"))
                .withOutput(OutputSpec.defaults().withDir(output));
    }
}
