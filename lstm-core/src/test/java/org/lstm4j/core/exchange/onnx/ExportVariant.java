package org.lstm4j.core.exchange.onnx;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.DataSpec.Transform;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.ModelSpec.BidirectionalMerge;
import org.lstm4j.api.ScalerSpec;
import org.lstm4j.api.ScalerSpec.ScalerType;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.data.FittedScaler;

/**
 * One model the export must get right: its architecture, layers, merge, BatchNorm, features (of the columns y, x, z of
 * {@link OnnxCheck#csv}), horizon, transform and scaler type. {@link #all()} covers each of them.
 */
record ExportVariant(String name, Architecture architecture, int layers, BidirectionalMerge merge, boolean batchNorm,
                     List<String> features, int horizon, Transform transform, ScalerType scaler) {

    static Stream<ExportVariant> all() {
        List<String> target = List.of();
        BidirectionalMerge concat = BidirectionalMerge.CONCAT;
        return Stream.of(
                new ExportVariant("lstm-1-layer", Architecture.LSTM, 1, concat, false, target, 1, Transform.NONE, ScalerType.MINMAX),
                new ExportVariant("lstm-3-layers-3-features", Architecture.LSTM, 3, concat, false, List.of("y", "x", "z"), 3,
                        Transform.NONE, ScalerType.STANDARD),
                new ExportVariant("lstm-batchnorm-log-unscaled", Architecture.LSTM, 2, concat, true, target, 2, Transform.LOG, ScalerType.NONE),
                new ExportVariant("lstm-difference-without-target", Architecture.LSTM, 2, concat, false, List.of("x", "z"), 3,
                        Transform.DIFFERENCE, ScalerType.STANDARD),
                new ExportVariant("lstm-difference-robust", Architecture.LSTM, 1, concat, false, List.of("x", "y"), 2,
                        Transform.DIFFERENCE, ScalerType.ROBUST),
                new ExportVariant("bilstm-concat", Architecture.BILSTM, 2, concat, false, target, 2, Transform.NONE, ScalerType.MINMAX),
                new ExportVariant("bilstm-sum-log", Architecture.BILSTM, 2, BidirectionalMerge.SUM, false, List.of("y", "x"), 2,
                        Transform.LOG, ScalerType.STANDARD),
                new ExportVariant("bilstm-average-batchnorm-difference", Architecture.BILSTM, 1, BidirectionalMerge.AVERAGE, true, target, 2,
                        Transform.DIFFERENCE, ScalerType.MINMAX),
                new ExportVariant("attention", Architecture.ATTENTION, 2, concat, false, List.of("y", "x"), 2, Transform.NONE, ScalerType.MINMAX),
                new ExportVariant("attention-batchnorm-difference", Architecture.ATTENTION, 1, concat, true, target, 4,
                        Transform.DIFFERENCE, ScalerType.STANDARD));
    }

    static ExportVariant named(String name) {
        return all().filter(v -> v.name.equals(name)).findFirst().orElseThrow();
    }

    @Override
    public String toString() {
        return name;
    }

    /** The experiment: window 6, hidden 6, two epochs on {@code csv}. */
    ExperimentSpec spec(Path csv) {
        return ExperimentSpec.defaults().withName(name).withSeed(7)
                .withData(DataSpec.defaults().withSource(SourceSpec.Csv.of(csv).withTimeColumn("t")).withTarget("y")
                        .withFeatures(features).withWindow(6).withHorizon(horizon).withTransform(transform)
                        .withScaler(ScalerSpec.of(scaler)))
                .withModel(ModelSpec.defaults().withArchitecture(architecture).withHiddenSize(6).withNumLayers(layers)
                        .withBidirectionalMerge(merge).withBatchNorm(batchNorm).withAttentionSize(4))
                .withTraining(TrainingSpec.defaults().withEpochs(2));
    }

    /** Scalers of this type for the transformed columns y, x and z, plausible for {@link OnnxCheck#value}. */
    Map<String, FittedScaler> scalers() {
        double[][] offsetAndScale = switch (transform) {
            case NONE -> new double[][] {{30, 40}, {2, 2}, {8, 4}};
            case LOG -> new double[][] {{3.4, 0.9}, {0.7, 0.7}, {2.1, 0.4}};
            case DIFFERENCE -> new double[][] {{0.05, 8}, {0, 0.4}, {0, 1.8}};
        };
        String[] columns = {"y", "x", "z"};
        Map<String, FittedScaler> scalers = new LinkedHashMap<>();
        for (int c = 0; c < columns.length; c++) {
            scalers.put(columns[c], switch (scaler) {
                case MINMAX -> new FittedScaler(scaler, offsetAndScale[c][0], offsetAndScale[c][1] / 2, -1);
                case STANDARD, ROBUST -> new FittedScaler(scaler, offsetAndScale[c][0], offsetAndScale[c][1], 0);
                case NONE -> FittedScaler.identity();
            });
        }
        return scalers;
    }
}
