package org.lstm4j.core.exchange.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.DataSpec.Transform;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.NetworkWeights;
import org.lstm4j.api.NetworkWeights.Dense;
import org.lstm4j.api.NetworkWeights.Lstm;
import org.lstm4j.api.NetworkWeights.Matrix;
import org.lstm4j.core.AtomicFiles;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.SystemInfo;
import org.lstm4j.core.WindowCodec;
import org.lstm4j.core.exchange.onnx.OnnxGraph.Int;
import org.lstm4j.core.exchange.onnx.OnnxGraph.Ints;
import org.lstm4j.core.exchange.onnx.OnnxGraph.Real;
import org.lstm4j.core.exchange.onnx.OnnxGraph.Text;
import org.lstm4j.data.FittedScaler;

/**
 * A model bundle as one ONNX file holding the whole forecaster: it takes raw windows in the data's units and
 * returns forecasts in the data's units, computing what {@link WindowCodec} and the network compute for
 * {@code lstm predict} and {@code lstm serve}. Standard operators of opset {@value #OPSET} only:
 *
 * <pre>
 * input      [batch, steps, columns]   raw windows ({@link WindowCodec#INPUT}; columns and steps as the codec's)
 * transform  log: Log;  difference: Slice(rows 1..) - Slice(rows ..-1)
 * columns    Slice to the model's inputs (a differenced model that does not read its target carries it last)
 * scale      (x - offset) / scale + base, per column (left out when every scaler is the identity)
 * layers     Transpose to [steps, batch, features]; one LSTM node per layer (layout 0, gates i o f c,
 *            bidirectional for bilstm), its Y Transposed and Reshaped to [steps, batch, directions * hidden]
 * features   lstm: Y_h;  bilstm: Y_h of both directions merged (concat, ReduceSum, ReduceMean);
 *            attention: ReduceSum over steps of Softmax(MatMul(Tanh(MatMul(Y) + b)) + c) * Y
 * batch norm BatchNormalization with the running statistics
 * head       Gemm
 * unscale    (y - base) * scale + offset, the target's scaler
 * levels     log: Exp;  difference: the window's last target value + CumSum over the horizon
 * output     [batch, horizon]          forecasts in the data's units ({@link WindowCodec#OUTPUT})
 * </pre>
 *
 * <p>Computed in float32. Unlike the codec, the graph cannot refuse a value: a log model given a value that is not
 * positive forecasts NaN.
 */
public final class OnnxExport {
    /** The ONNX operator set the graph uses. */
    public static final int OPSET = 17;
    /** The ONNX IR version written (8 is the first that allows opset 17). */
    public static final int IR_VERSION = 8;
    /** ONNX's gate blocks i, o, f, c as indices of PyTorch's i, f, g, o ({@link NetworkWeights}'s layout). */
    private static final int[] PYTORCH_BLOCK_OF_ONNX_GATE = {0, 3, 1, 2};
    private static final ObjectMapper JSON = new ObjectMapper();

    private OnnxExport() {}

    /**
     * What {@link #write} wrote.
     *
     * @param file        the ONNX file
     * @param bytes       its size
     * @param opset       the operator set it uses
     * @param inputShape  the shape of {@link WindowCodec#INPUT}, {@code -1} for the batch
     * @param columns     the columns of a raw row, in order
     * @param outputShape the shape of {@link WindowCodec#OUTPUT}, {@code -1} for the batch
     * @param target      the column forecast
     */
    public record Written(Path file, long bytes, int opset, List<Integer> inputShape, List<String> columns,
                          List<Integer> outputShape, String target) {}

    /**
     * Writes the ONNX file of {@code model} to {@code file}, atomically.
     *
     * @throws OnnxExportException when the model cannot be exported (see {@link #toBytes})
     */
    public static Written write(LoadedModel model, Path file) throws IOException {
        byte[] bytes = toBytes(model);
        AtomicFiles.write(file, out -> out.write(bytes));
        WindowCodec codec = WindowCodec.of(model);
        return new Written(file, bytes.length, OPSET, List.of(-1, codec.steps(), codec.columns().size()), codec.columns(),
                List.of(-1, codec.horizon()), model.spec().data().targetColumn());
    }

    /**
     * The ONNX model of {@code model}: a serialized {@code ModelProto}.
     *
     * @throws OnnxExportException when its backend does not give the network's weights, or they do not fit the
     *                             bundle's experiment
     */
    public static byte[] toBytes(LoadedModel model) {
        NetworkWeights weights;
        try {
            weights = model.model().weights();
        } catch (UnsupportedOperationException e) {
            throw new OnnxExportException("the model's backend does not give its weights, which ONNX export needs: " + e.getMessage(), e);
        }
        WindowCodec codec = WindowCodec.of(model);
        DataSpec data = model.spec().data();
        ModelSpec spec = model.spec().model();
        checkFits(weights, spec, codec.features());

        OnnxGraph graph = new OnnxGraph();
        String raw = graph.input(WindowCodec.INPUT, -1, codec.steps(), codec.columns().size());
        String scaled = scale(graph, inputs(graph, raw, data.transform(), codec), codec.columns().subList(0, codec.features()), model.scalers());
        String sequence = graph.op("Transpose", List.of(scaled), new Ints("perm", 1, 0, 2));
        List<String> top = List.of();
        for (int i = 0; i < weights.layers().size(); i++) {
            top = lstm(graph, sequence, weights.layers().get(i), i);
            sequence = steps(graph, top.get(0));
        }
        String features = spec.architecture() == Architecture.ATTENTION
                ? attention(graph, sequence, weights.attention())
                : merge(graph, top.get(1), spec.architecture() == Architecture.BILSTM ? spec.bidirectionalMerge() : ModelSpec.BidirectionalMerge.CONCAT);
        if (weights.batchNorm() != null) {
            features = batchNorm(graph, features, weights.batchNorm());
        }
        Dense head = weights.head();
        String forecast = graph.op("Gemm", List.of(features, graph.constant("head_weight", head.weights().values(),
                head.weights().rows(), head.weights().columns()), graph.constant("head_bias", head.bias(), head.bias().length)),
                new Int("transB", 1));
        forecast = unscale(graph, forecast, model.scalers().get(data.targetColumn()));
        forecast = levels(graph, forecast, raw, data.transform(), codec.steps(), codec.columns().indexOf(data.targetColumn()));
        graph.output(WindowCodec.OUTPUT, forecast, -1, codec.horizon());
        return graph.toModel(model.spec().name() == null ? "lstm4j" : model.spec().name(), IR_VERSION, OPSET, SystemInfo.version(),
                "lstm4j forecaster: raw windows [batch, " + codec.steps() + ", " + codec.columns().size() + "] of " + codec.columns()
                        + " in the data's units -> forecasts [batch, " + codec.horizon() + "] of " + data.targetColumn()
                        + " in the data's units", metadata(model, codec));
    }

    /** The transformed input columns, {@code [batch, window, features]}. */
    private static String inputs(OnnxGraph graph, String raw, Transform transform, WindowCodec codec) {
        String transformed = switch (transform) {
            case NONE -> raw;
            case LOG -> graph.op("Log", List.of(raw));
            case DIFFERENCE -> graph.op("Sub", List.of(
                    slice(graph, raw, 1, 1, codec.steps()),
                    slice(graph, raw, 1, 0, codec.steps() - 1)));
        };
        return codec.columns().size() == codec.features() ? transformed : slice(graph, transformed, 2, 0, codec.features());
    }

    private static String slice(OnnxGraph graph, String value, int axis, int start, int end) {
        return graph.op("Slice", List.of(value, graph.ints("starts", start), graph.ints("ends", end), graph.ints("axes", axis)));
    }

    /** {@code (x - offset) / scale + base} on the last axis, one scaler per column. */
    private static String scale(OnnxGraph graph, String value, List<String> columns, Map<String, FittedScaler> scalers) {
        List<FittedScaler> fitted = columns.stream().map(scalers::get).toList();
        if (fitted.stream().allMatch(OnnxExport::isIdentity)) {
            return value;
        }
        int n = fitted.size();
        String shifted = graph.op("Sub", List.of(value, graph.constant("scaler_offset", fitted.stream().mapToDouble(FittedScaler::offset).toArray(), n)));
        String divided = graph.op("Div", List.of(shifted, graph.constant("scaler_scale", fitted.stream().mapToDouble(FittedScaler::scale).toArray(), n)));
        return graph.op("Add", List.of(divided, graph.constant("scaler_base", fitted.stream().mapToDouble(FittedScaler::base).toArray(), n)));
    }

    /** {@code (y - base) * scale + offset}, the target's scaler. */
    private static String unscale(OnnxGraph graph, String value, FittedScaler target) {
        if (isIdentity(target)) {
            return value;
        }
        String shifted = graph.op("Sub", List.of(value, graph.constant("target_base", new double[] {target.base()})));
        String scaled = graph.op("Mul", List.of(shifted, graph.constant("target_scale", new double[] {target.scale()})));
        return graph.op("Add", List.of(scaled, graph.constant("target_offset", new double[] {target.offset()})));
    }

    private static boolean isIdentity(FittedScaler scaler) {
        return scaler.offset() == 0.0 && scaler.scale() == 1.0 && scaler.base() == 0.0;
    }

    /** Forecast steps back to levels, as {@link org.lstm4j.data.Transforms#toLevels} does. */
    private static String levels(OnnxGraph graph, String steps, String raw, Transform transform, int rows, int targetColumn) {
        return switch (transform) {
            case NONE -> steps;
            case LOG -> graph.op("Exp", List.of(steps));
            case DIFFERENCE -> {
                String last = graph.op("Slice", List.of(raw, graph.ints("starts", rows - 1, targetColumn),
                        graph.ints("ends", rows, targetColumn + 1), graph.ints("axes", 1, 2)));             // [batch, 1, 1]
                String level = graph.op("Squeeze", List.of(last, graph.ints("axes", 2)));              // [batch, 1]
                String sums = graph.op("CumSum", List.of(steps, graph.scalar("axis", 1)));
                yield graph.op("Add", List.of(sums, level));
            }
        };
    }

    /** One layer as an ONNX {@code LSTM} node; returns its outputs Y {@code [steps, dirs, batch, h]} and Y_h {@code [dirs, batch, h]}. */
    private static List<String> lstm(OnnxGraph graph, String sequence, NetworkWeights.Layer layer, int index) {
        List<Lstm> directions = layer.backward() == null ? List.of(layer.forward()) : List.of(layer.forward(), layer.backward());
        int h = layer.forward().hidden();
        int in = layer.forward().inputs();
        int dirs = directions.size();
        float[] input = new float[dirs * 4 * h * in];
        float[] recurrent = new float[dirs * 4 * h * h];
        float[] bias = new float[dirs * 8 * h];                            // [Wb | Rb]: the one bias per gate in Wb, Rb 0
        for (int d = 0; d < dirs; d++) {
            Lstm lstm = directions.get(d);
            for (int gate = 0; gate < 4; gate++) {
                for (int j = 0; j < h; j++) {
                    int row = d * 4 * h + gate * h + j;
                    int from = PYTORCH_BLOCK_OF_ONNX_GATE[gate] * h + j;
                    copyRow(lstm.input(), from, input, row);
                    copyRow(lstm.recurrent(), from, recurrent, row);
                    bias[d * 8 * h + gate * h + j] = (float) lstm.bias()[from];
                }
            }
        }
        String prefix = "lstm" + index + "_";
        return graph.op("LSTM", 2, List.of(sequence,
                        graph.constant(prefix + "W", input, dirs, 4L * h, in),
                        graph.constant(prefix + "R", recurrent, dirs, 4L * h, h),
                        graph.constant(prefix + "B", bias, dirs, 8L * h)),
                new Int("hidden_size", h), new Text("direction", dirs == 2 ? "bidirectional" : "forward"), new Int("layout", 0));
    }

    private static void copyRow(Matrix matrix, int row, float[] destination, int destinationRow) {
        int columns = matrix.columns();
        for (int c = 0; c < columns; c++) {
            destination[destinationRow * columns + c] = (float) matrix.values()[row * columns + c];
        }
    }

    /** An LSTM's Y {@code [steps, dirs, batch, h]} as the next layer reads it: {@code [steps, batch, dirs * h]}, forward first. */
    private static String steps(OnnxGraph graph, String y) {
        String transposed = graph.op("Transpose", List.of(y), new Ints("perm", 0, 2, 1, 3));
        return graph.op("Reshape", List.of(transposed, graph.ints("shape", 0, 0, -1)));
    }

    /** The top layer's Y_h {@code [dirs, batch, h]} as {@code [batch, features]}: directions concatenated, summed or averaged. */
    private static String merge(OnnxGraph graph, String yH, ModelSpec.BidirectionalMerge merge) {
        return switch (merge) {
            case CONCAT -> graph.op("Reshape", List.of(graph.op("Transpose", List.of(yH), new Ints("perm", 1, 0, 2)), graph.ints("shape", 0, -1)));
            case SUM -> graph.op("ReduceSum", List.of(yH, graph.ints("axes", 0)), new Int("keepdims", 0));
            case AVERAGE -> graph.op("ReduceMean", List.of(yH), new Ints("axes", 0), new Int("keepdims", 0)); // axes an attribute until opset 18
        };
    }

    /** The attention pooling of {@code sequence} {@code [steps, batch, d]}: {@code [batch, d]}. */
    private static String attention(OnnxGraph graph, String sequence, NetworkWeights.Attention attention) {
        Dense score = attention.score();
        Dense vector = attention.vector();
        String hidden = graph.op("Tanh", List.of(graph.op("Add", List.of(
                graph.op("MatMul", List.of(sequence, transposed(graph, "attention_score_weight", score.weights()))),
                graph.constant("attention_score_bias", score.bias(), score.bias().length)))));
        String scores = graph.op("Add", List.of(
                graph.op("MatMul", List.of(hidden, transposed(graph, "attention_vector_weight", vector.weights()))),
                graph.constant("attention_vector_bias", vector.bias(), 1)));                                    // [steps, batch, 1]
        String weights = graph.op("Softmax", List.of(scores), new Int("axis", 0));
        return graph.op("ReduceSum", List.of(graph.op("Mul", List.of(sequence, weights)), graph.ints("axes", 0)), new Int("keepdims", 0));
    }

    private static String transposed(OnnxGraph graph, String name, Matrix matrix) {
        double[] values = new double[matrix.values().length];
        for (int r = 0; r < matrix.rows(); r++) {
            for (int c = 0; c < matrix.columns(); c++) {
                values[c * matrix.rows() + r] = matrix.get(r, c);
            }
        }
        return graph.constant(name, values, matrix.columns(), matrix.rows());
    }

    private static String batchNorm(OnnxGraph graph, String features, NetworkWeights.BatchNorm norm) {
        int n = norm.gamma().length;
        return graph.op("BatchNormalization", List.of(features, graph.constant("batchnorm_gamma", norm.gamma(), n),
                        graph.constant("batchnorm_beta", norm.beta(), n), graph.constant("batchnorm_mean", norm.mean(), n),
                        graph.constant("batchnorm_variance", norm.variance(), n)),
                new Real("epsilon", (float) norm.epsilon()));
    }

    /** Checks that the weights are the network the experiment describes, naming what differs. */
    private static void checkFits(NetworkWeights weights, ModelSpec spec, int features) {
        List<String> problems = new ArrayList<>();
        if (weights.layers().size() != spec.numLayers()) {
            problems.add(weights.layers().size() + " LSTM layers where model.num_layers is " + spec.numLayers());
        }
        if (weights.bidirectional() != (spec.architecture() == Architecture.BILSTM)) {
            problems.add((weights.bidirectional() ? "bidirectional" : "unidirectional") + " layers for architecture "
                    + spec.architecture().name().toLowerCase(Locale.ROOT));
        }
        if ((weights.attention() != null) != (spec.architecture() == Architecture.ATTENTION)) {
            problems.add((weights.attention() != null ? "attention weights" : "no attention weights") + " for architecture "
                    + spec.architecture().name().toLowerCase(Locale.ROOT));
        }
        if ((weights.batchNorm() != null) != spec.batchNorm()) {
            problems.add((weights.batchNorm() != null ? "BatchNorm weights" : "no BatchNorm weights") + " where model.batch_norm is " + spec.batchNorm());
        }
        int width = features;
        for (int i = 0; i < weights.layers().size(); i++) {
            NetworkWeights.Layer layer = weights.layers().get(i);
            for (Lstm lstm : layer.backward() == null ? List.of(layer.forward()) : List.of(layer.forward(), layer.backward())) {
                if (lstm.inputs() != width || lstm.hidden() != layer.forward().hidden()) {
                    problems.add("LSTM layer " + i + " reads " + lstm.inputs() + " values per step with " + lstm.hidden()
                            + " units where " + width + " values and " + layer.forward().hidden() + " units fit");
                }
            }
            width = layer.forward().hidden() * (layer.backward() == null ? 1 : 2);
        }
        if (spec.architecture() == Architecture.BILSTM && spec.bidirectionalMerge() != ModelSpec.BidirectionalMerge.CONCAT) {
            width /= 2;
        }
        if (weights.attention() != null && weights.attention().score().weights().columns() != width) {
            problems.add("the attention reads " + weights.attention().score().weights().columns() + " values where the layers give " + width);
        }
        if (weights.batchNorm() != null && weights.batchNorm().gamma().length != width) {
            problems.add("the BatchNorm has " + weights.batchNorm().gamma().length + " features where there are " + width);
        }
        if (weights.head().weights().columns() != width) {
            problems.add("the head reads " + weights.head().weights().columns() + " features where there are " + width);
        }
        if (!problems.isEmpty()) {
            throw new OnnxExportException("the network's weights do not fit the bundle's experiment: " + String.join("; ", problems));
        }
    }

    private static Map<String, String> metadata(LoadedModel model, WindowCodec codec) {
        DataSpec data = model.spec().data();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("lstm4j_version", SystemInfo.version());
        metadata.put("architecture", model.spec().model().architecture().name().toLowerCase(Locale.ROOT));
        metadata.put("columns", json(codec.columns()));
        metadata.put("target", data.targetColumn());
        metadata.put("window", Integer.toString(codec.window()));
        metadata.put("steps", Integer.toString(codec.steps()));
        metadata.put("horizon", Integer.toString(codec.horizon()));
        metadata.put("transform", data.transform().name().toLowerCase(Locale.ROOT));
        metadata.put("units", "the data's own: the graph scales and transforms");
        return metadata;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
