package org.lstm4j.core.exchange.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.DataSpec.Transform;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.ModelSpec.BidirectionalMerge;
import org.lstm4j.api.ScalerSpec.ScalerType;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.WindowedData;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.WindowCodec;
import org.lstm4j.data.FittedScaler;

/**
 * The exported graph, run in ONNX Runtime, against {@code lstm predict}'s path (the codec around a plain-Java
 * PyTorch-semantics network of hand-made weights): every architecture, transform and scaler type.
 */
class OnnxExportTest {
    private static final int WINDOWS = 7;

    /** One exported model: what it reads and how its network is built. */
    record Variant(String name, Architecture architecture, int layers, BidirectionalMerge merge, boolean batchNorm,
                   List<String> features, int horizon, Transform transform, ScalerType scaler) {
        @Override
        public String toString() {
            return name;
        }

        LoadedModel model() {
            DataSpec data = DataSpec.defaults().withSource(SourceSpec.Csv.of(Path.of("series.csv"))).withTarget("y")
                    .withFeatures(features).withWindow(6).withHorizon(horizon).withTransform(transform);
            ModelSpec spec = ModelSpec.defaults().withArchitecture(architecture).withHiddenSize(5).withNumLayers(layers)
                    .withBidirectionalMerge(merge).withBatchNorm(batchNorm).withAttentionSize(4);
            ReferenceNetwork network = ReferenceNetwork.random(spec, data.inputColumns().size(), horizon, name.hashCode());
            return new LoadedModel(ExperimentSpec.defaults().withName(name).withData(data).withModel(spec), scalers(), network);
        }

        /** Plausible fitted scalers of the transformed columns y, x and z. */
        private Map<String, FittedScaler> scalers() {
            Map<String, FittedScaler> scalers = new LinkedHashMap<>();
            double[][] offsetAndScale = switch (transform) {
                case NONE -> new double[][] {{30, 40}, {2, 2}, {8, 4}};
                case LOG -> new double[][] {{3.4, 0.9}, {0.7, 0.7}, {2.1, 0.4}};
                case DIFFERENCE -> new double[][] {{0.05, 8}, {0, 0.4}, {0, 1.8}};
            };
            String[] columns = {"y", "x", "z"};
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

    static Stream<Variant> variants() {
        List<String> target = List.of();
        return Stream.of(
                new Variant("lstm-1-layer", Architecture.LSTM, 1, BidirectionalMerge.CONCAT, false, target, 1, Transform.NONE, ScalerType.MINMAX),
                new Variant("lstm-3-layers-3-features", Architecture.LSTM, 3, BidirectionalMerge.CONCAT, false, List.of("x", "y", "z"), 3,
                        Transform.NONE, ScalerType.STANDARD),
                new Variant("lstm-unscaled", Architecture.LSTM, 2, BidirectionalMerge.CONCAT, false, List.of("y", "x"), 2, Transform.LOG, ScalerType.NONE),
                new Variant("lstm-batchnorm", Architecture.LSTM, 2, BidirectionalMerge.CONCAT, true, target, 2, Transform.NONE, ScalerType.STANDARD),
                new Variant("lstm-difference-without-target", Architecture.LSTM, 2, BidirectionalMerge.CONCAT, false, List.of("x", "z"), 3,
                        Transform.DIFFERENCE, ScalerType.STANDARD),
                new Variant("lstm-difference", Architecture.LSTM, 1, BidirectionalMerge.CONCAT, false, List.of("x", "y"), 2,
                        Transform.DIFFERENCE, ScalerType.MINMAX),
                new Variant("bilstm-concat", Architecture.BILSTM, 2, BidirectionalMerge.CONCAT, false, target, 2, Transform.NONE, ScalerType.MINMAX),
                new Variant("bilstm-sum-log", Architecture.BILSTM, 2, BidirectionalMerge.SUM, false, target, 3, Transform.LOG, ScalerType.STANDARD),
                new Variant("bilstm-average-batchnorm", Architecture.BILSTM, 3, BidirectionalMerge.AVERAGE, true, List.of("y", "x"), 1,
                        Transform.NONE, ScalerType.ROBUST),
                new Variant("attention", Architecture.ATTENTION, 2, BidirectionalMerge.CONCAT, false, List.of("y", "x"), 2, Transform.LOG,
                        ScalerType.MINMAX),
                new Variant("attention-batchnorm-difference", Architecture.ATTENTION, 1, BidirectionalMerge.CONCAT, true, target, 4,
                        Transform.DIFFERENCE, ScalerType.STANDARD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theGraphForecastsInTheDatasUnitsWhatThePredictPathForecasts(Variant variant) throws Exception {
        LoadedModel model = variant.model();
        WindowCodec codec = WindowCodec.of(model);
        float[] raw = OnnxCheck.rawWindows(codec, WINDOWS);
        double[][] expected = OnnxCheck.predicted(model, raw, WINDOWS);
        float[][] actual = OnnxCheck.onnx(OnnxExport.toBytes(model), raw, WINDOWS, codec);
        assertThat(OnnxCheck.maxRelativeDifference(expected, actual)).as(variant.name()).isLessThan(1e-5);
    }

    @Test
    void inputAndOutputAreNamedAndShapedAsTheServersMetadataAndTheMetadataPropsDescribeTheModel(@TempDir Path dir) throws Exception {
        LoadedModel model = variants().filter(v -> v.name().equals("lstm-difference-without-target")).findFirst().orElseThrow().model();
        Path file = dir.resolve("model.onnx");
        OnnxExport.Written written = OnnxExport.write(model, file);
        assertThat(written.bytes()).isEqualTo(Files.size(file));
        assertThat(written.inputShape()).containsExactly(-1, 7, 3);
        assertThat(written.columns()).containsExactly("x", "z", "y");
        assertThat(written.outputShape()).containsExactly(-1, 3);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = OrtEnvironment.getEnvironment().createSession(file.toString(), options)) {
            NodeInfo input = session.getInputInfo().get(WindowCodec.INPUT);
            NodeInfo output = session.getOutputInfo().get(WindowCodec.OUTPUT);
            assertThat(session.getInputNames()).containsExactly(WindowCodec.INPUT);
            assertThat(session.getOutputNames()).containsExactly(WindowCodec.OUTPUT);
            assertThat(((TensorInfo) input.getInfo()).getShape()).containsExactly(-1, 7, 3);
            assertThat(((TensorInfo) output.getInfo()).getShape()).containsExactly(-1, 3);
            Map<String, String> props = session.getMetadata().getCustomMetadata();
            assertThat(props).containsEntry("columns", "[\"x\",\"z\",\"y\"]").containsEntry("target", "y").containsEntry("window", "6")
                    .containsEntry("steps", "7").containsEntry("horizon", "3").containsEntry("transform", "difference")
                    .containsEntry("architecture", "lstm").containsKey("lstm4j_version");
            assertThat(session.getMetadata().getProducerName()).isEqualTo("lstm4j");
        }
    }

    @Test
    void weightsThatDoNotFitTheExperimentAreRefusedNamingWhatDiffers() {
        LoadedModel model = variants().findFirst().orElseThrow().model();
        LoadedModel twoLayers = new LoadedModel(model.spec().withModel(model.spec().model().withNumLayers(2).withBatchNorm(true)),
                model.scalers(), model.model());
        assertThatThrownBy(() -> OnnxExport.toBytes(twoLayers)).isInstanceOf(OnnxExportException.class)
                .hasMessage("the network's weights do not fit the bundle's experiment: 1 LSTM layers where model.num_layers is 2; "
                        + "no BatchNorm weights where model.batch_norm is true");
    }

    @Test
    void aBackendThatDoesNotGiveItsWeightsIsNamed() {
        LoadedModel model = variants().findFirst().orElseThrow().model();
        TrainedModel opaque = new TrainedModel() {
            @Override
            public double[][] predict(WindowedData data) {
                return model.model().predict(data);
            }

            @Override
            public void writeParameters(java.io.OutputStream out) {}

            @Override
            public long parameterCount() {
                return 0;
            }
        };
        assertThatThrownBy(() -> OnnxExport.toBytes(new LoadedModel(model.spec(), model.scalers(), opaque)))
                .isInstanceOf(OnnxExportException.class)
                .hasMessageStartingWith("the model's backend does not give its weights, which ONNX export needs: ");
    }
}
