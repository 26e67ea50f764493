package org.lstm4j.core.exchange.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.DataSpec.Transform;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.ModelSpec.BidirectionalMerge;
import org.lstm4j.api.ScalerSpec;
import org.lstm4j.api.ScalerSpec.ScalerType;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.core.WindowCodec;

/**
 * Bundles of real (tiny) DL4J trainings, loaded back, exported, and run in ONNX Runtime: the file forecasts what
 * {@code lstm predict}'s path forecasts from the same raw windows, within 1e-5 relative, for every architecture,
 * merge, BatchNorm, transform and scaler type.
 */
class TrainedOnnxExportTest {
    private static final int WINDOWS = 9;

    @TempDir
    static Path dir;

    /** One training: what the model reads and how it is built. */
    record Training(String name, Architecture architecture, int layers, BidirectionalMerge merge, boolean batchNorm,
                    List<String> features, int horizon, Transform transform, ScalerType scaler) {
        @Override
        public String toString() {
            return name;
        }

        ExperimentSpec spec(Path csv) {
            return ExperimentSpec.defaults().withName(name).withSeed(7)
                    .withData(DataSpec.defaults().withSource(SourceSpec.Csv.of(csv).withTimeColumn("t")).withTarget("y")
                            .withFeatures(features).withWindow(6).withHorizon(horizon).withTransform(transform)
                            .withScaler(ScalerSpec.of(scaler)))
                    .withModel(ModelSpec.defaults().withArchitecture(architecture).withHiddenSize(6).withNumLayers(layers)
                            .withBidirectionalMerge(merge).withBatchNorm(batchNorm).withAttentionSize(4))
                    .withTraining(TrainingSpec.defaults().withEpochs(2));
        }
    }

    static Stream<Training> trainings() {
        List<String> target = List.of();
        return Stream.of(
                new Training("lstm-1-layer", Architecture.LSTM, 1, BidirectionalMerge.CONCAT, false, target, 1, Transform.NONE, ScalerType.MINMAX),
                new Training("lstm-3-layers-3-features", Architecture.LSTM, 3, BidirectionalMerge.CONCAT, false, List.of("y", "x", "z"), 3,
                        Transform.NONE, ScalerType.STANDARD),
                new Training("lstm-batchnorm-log-unscaled", Architecture.LSTM, 2, BidirectionalMerge.CONCAT, true, target, 2, Transform.LOG,
                        ScalerType.NONE),
                new Training("lstm-difference-without-target", Architecture.LSTM, 2, BidirectionalMerge.CONCAT, false, List.of("x", "z"), 3,
                        Transform.DIFFERENCE, ScalerType.STANDARD),
                new Training("bilstm-concat", Architecture.BILSTM, 2, BidirectionalMerge.CONCAT, false, target, 2, Transform.NONE, ScalerType.MINMAX),
                new Training("bilstm-sum-log", Architecture.BILSTM, 2, BidirectionalMerge.SUM, false, List.of("y", "x"), 2, Transform.LOG,
                        ScalerType.STANDARD),
                new Training("bilstm-average-batchnorm-difference", Architecture.BILSTM, 1, BidirectionalMerge.AVERAGE, true, target, 2,
                        Transform.DIFFERENCE, ScalerType.MINMAX),
                new Training("attention", Architecture.ATTENTION, 2, BidirectionalMerge.CONCAT, false, List.of("y", "x"), 2, Transform.NONE,
                        ScalerType.MINMAX),
                new Training("attention-batchnorm-difference", Architecture.ATTENTION, 1, BidirectionalMerge.CONCAT, true, target, 4,
                        Transform.DIFFERENCE, ScalerType.STANDARD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainings")
    void theExportedFileForecastsWhatTheBundleForecasts(Training training) throws Exception {
        Path csv = dir.resolve("series.csv");
        if (!Files.exists(csv)) {
            Files.writeString(csv, OnnxCheck.csv(List.of("y", "x", "z"), 160));
        }
        LoadedModel model = bundle(training.spec(csv));
        WindowCodec codec = WindowCodec.of(model);
        float[] raw = OnnxCheck.rawWindows(codec, WINDOWS);
        double[][] expected = OnnxCheck.predicted(model, raw, WINDOWS);
        Path onnx = dir.resolve(training.name() + ".onnx");
        OnnxExport.write(model, onnx);
        float[][] actual = OnnxCheck.onnx(Files.readAllBytes(onnx), raw, WINDOWS, codec);
        assertThat(OnnxCheck.maxRelativeDifference(expected, actual)).as(training.name()).isLessThan(1e-5);
    }

    /** Trains, saves the bundle and loads it back, as {@code lstm export} finds it. */
    private static LoadedModel bundle(ExperimentSpec spec) throws IOException {
        Path file = dir.resolve(spec.name() + ".zip");
        Experiment.run(spec, TrainingListener.NONE).saveBundle(file);
        return ModelBundle.load(file);
    }
}
