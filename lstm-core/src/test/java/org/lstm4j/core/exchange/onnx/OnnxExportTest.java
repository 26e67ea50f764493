package org.lstm4j.core.exchange.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstm4j.api.Backends;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.OpaqueModel;
import org.lstm4j.core.WindowCodec;

/**
 * The exported graph, run in ONNX Runtime, against {@code lstm predict}'s path (the codec around the DL4J network
 * built from the same weights) for random weights, larger than a short training leaves them: every architecture,
 * transform and scaler type. Also the file's signature and metadata, and the models it refuses.
 */
class OnnxExportTest {
    private static final int WINDOWS = 7;

    /** The DL4J network of random weights for {@code variant}, with hand-made scalers. */
    static LoadedModel restored(ExportVariant variant) {
        ExperimentSpec spec = variant.spec(Path.of("series.csv"));
        var shape = spec.data().sampleShape();
        TrainedModel network = Backends.load().restore(shape, spec.model(), spec.training(),
                RandomWeights.of(spec.model(), shape.features(), shape.horizon(), variant.name().hashCode()));
        return new LoadedModel(spec, variant.scalers(), network);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.lstm4j.core.exchange.onnx.ExportVariant#all")
    void theGraphForecastsInTheDatasUnitsWhatThePredictPathForecasts(ExportVariant variant) throws Exception {
        LoadedModel model = restored(variant);
        assertThat(OnnxCheck.maxRelativeDifference(model, OnnxExport.toBytes(model), WINDOWS)).isLessThan(1e-5);
    }

    @Test
    void inputAndOutputAreNamedAndShapedAsTheServersMetadataAndTheMetadataPropsDescribeTheModel(@TempDir Path dir) throws Exception {
        LoadedModel model = restored(ExportVariant.named("lstm-difference-without-target"));
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
        LoadedModel model = restored(ExportVariant.named("lstm-1-layer"));
        LoadedModel twoLayers = new LoadedModel(model.spec().withModel(model.spec().model().withNumLayers(2).withBatchNorm(true)),
                model.scalers(), model.model());
        assertThatThrownBy(() -> OnnxExport.toBytes(twoLayers)).isInstanceOf(OnnxExportException.class)
                .hasMessage("the network's weights do not fit the bundle's experiment: 1 LSTM layers where model.num_layers is 2; "
                        + "no BatchNorm weights where model.batch_norm is true");
    }

    @Test
    void aBackendThatDoesNotGiveItsWeightsIsNamed() {
        ExportVariant variant = ExportVariant.named("lstm-1-layer");
        assertThatThrownBy(() -> OnnxExport.toBytes(new LoadedModel(variant.spec(Path.of("series.csv")), variant.scalers(), new OpaqueModel())))
                .isInstanceOf(OnnxExportException.class)
                .hasMessageStartingWith("the model's backend does not give its weights, which ONNX export needs: ");
    }
}
