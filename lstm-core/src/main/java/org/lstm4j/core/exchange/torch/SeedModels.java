package org.lstm4j.core.exchange.torch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.ModelSpec.BidirectionalMerge;
import org.lstm4j.api.NetworkWeights;

/**
 * The seed's PyTorch classes mapped onto {@link NetworkWeights}, which already has PyTorch's layout: the matrices are
 * copied, each LSTM's two biases summed ({@code bias_ih + bias_hh}).
 *
 * <table>
 *   <caption>state_dict keys per architecture ({@code h} = model.hidden_size, {@code F} = input columns,
 *   {@code H} = data.horizon, {@code A} = model.attention_size)</caption>
 *   <tr><th>class</th><th>model.architecture</th><th>tensors</th></tr>
 *   <tr><td>{@code LSTMModel}</td><td>lstm</td><td>{@code lstm.weight_ih_l{k} [4h, F or h]}, {@code lstm.weight_hh_l{k} [4h, h]},
 *       {@code lstm.bias_ih_l{k}}, {@code lstm.bias_hh_l{k} [4h]}, {@code fc.weight [H, h]}, {@code fc.bias [H]}</td></tr>
 *   <tr><td>{@code AttentionLSTM}</td><td>attention</td><td>the same, and {@code attention.0.weight [A, h]},
 *       {@code attention.0.bias [A]}, {@code attention.2.weight [1, A]}, {@code attention.2.bias [1]}</td></tr>
 *   <tr><td>{@code BiLSTM} reading {@code h_n}</td><td>bilstm</td><td>each layer's tensors twice, the backward ones with
 *       {@code _reverse}; layer k+1 reads 2h; {@code fc.weight [H, 2h]} (concat) or {@code [H, h]} (sum, average)</td></tr>
 * </table>
 *
 * <p>A {@code module.} prefix on every key ({@code nn.DataParallel}) is dropped.
 */
public final class SeedModels {
    private static final Pattern LSTM_KEY = Pattern.compile("lstm\\.(weight_ih|weight_hh|bias_ih|bias_hh)_l(\\d+)(_reverse)?");

    /** What the PyTorch {@code BiLSTM}'s forward feeds its head. */
    public enum BilstmReadout {
        /**
         * The seed's {@code self.fc(out[:, -1, :])}: the backward direction's output at the last step, after reading one
         * step. lstm4j's bilstm cannot compute it; an import of it is refused, saying why.
         */
        SEED_LAST_OUTPUT,
        /** {@code self.fc(torch.cat([h_n[-2], h_n[-1]], 1))} (or their sum or mean): what lstm4j's bilstm computes. */
        H_N
    }

    /** The message that refuses the seed's BiLSTM: why, and what to change in the PyTorch code. */
    public static final String SEED_BILSTM_REFUSED = "the seed's BiLSTM reads out[:, -1, :], where the backward direction has read "
            + "only the last step of the window; lstm4j's bilstm reads h_n, each direction after the whole window, so the same "
            + "weights would forecast differently. Make the PyTorch forward read h_n: "
            + "`_, (h_n, _) = self.lstm(x); return self.fc(torch.cat([h_n[-2], h_n[-1]], 1))`, train it, and import it with "
            + "--bilstm-reads-h-n";

    private SeedModels() {}

    /**
     * The weights of {@code state} as the network {@code model} over {@code data} describes.
     *
     * @param readout what a bilstm's PyTorch forward reads (ignored for other architectures)
     * @throws ImportException naming missing and unexpected tensors, or the first tensor whose shape does not fit with
     *                         the expected and the found shape
     */
    public static NetworkWeights weights(StateDict state, ModelSpec model, DataSpec data, BilstmReadout readout) {
        String file = state.file() + ": ";
        if (model.batchNorm()) {
            throw new ImportException(file + "model.batch_norm is true, but the seed's classes have no BatchNorm; set model.batch_norm: false");
        }
        Map<String, TorchTensor> tensors = withoutDataParallelPrefix(state.tensors());
        Expected expected = Expected.of(model, data);
        checkNames(file, tensors, expected, model);
        if (model.architecture() == Architecture.BILSTM && readout != BilstmReadout.H_N) {
            throw new ImportException(file + SEED_BILSTM_REFUSED);
        }
        expected.checkShapes(file, tensors, model, data);
        boolean bidirectional = model.architecture() == Architecture.BILSTM;
        List<NetworkWeights.Layer> layers = new ArrayList<>();
        for (int k = 0; k < model.numLayers(); k++) {
            layers.add(new NetworkWeights.Layer(lstm(tensors, k, ""), bidirectional ? lstm(tensors, k, "_reverse") : null));
        }
        NetworkWeights.Attention attention = model.architecture() == Architecture.ATTENTION
                ? new NetworkWeights.Attention(dense(tensors, "attention.0"), dense(tensors, "attention.2")) : null;
        return new NetworkWeights(layers, attention, null, dense(tensors, "fc"));
    }

    private static Map<String, TorchTensor> withoutDataParallelPrefix(Map<String, TorchTensor> tensors) {
        if (!tensors.keySet().stream().allMatch(name -> name.startsWith("module."))) {
            return tensors;
        }
        Map<String, TorchTensor> stripped = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> stripped.put(name.substring("module.".length()), tensor));
        return stripped;
    }

    private static void checkNames(String file, Map<String, TorchTensor> tensors, Expected expected, ModelSpec model) {
        List<String> missing = expected.shapes.keySet().stream().filter(name -> !tensors.containsKey(name)).toList();
        List<String> unexpected = tensors.keySet().stream().filter(name -> !expected.shapes.containsKey(name)).toList();
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(file).append("the state_dict does not fit the experiment's model (")
                .append(describe(model)).append("):");
        if (!missing.isEmpty()) {
            message.append(" missing ").append(String.join(", ", missing)).append(';');
        }
        if (!unexpected.isEmpty()) {
            message.append(" unexpected ").append(String.join(", ", unexpected)).append(';');
        }
        message.setLength(message.length() - 1);
        String hint = hint(tensors, model);
        throw new ImportException(message + (hint.isEmpty() ? "" : " (" + hint + ")"));
    }

    /** What the tensors' names say the model is, where it differs from the experiment's. */
    private static String hint(Map<String, TorchTensor> tensors, ModelSpec model) {
        List<String> hints = new ArrayList<>();
        int layers = 0;
        boolean reverse = false;
        for (String name : tensors.keySet()) {
            Matcher key = LSTM_KEY.matcher(name);
            if (key.matches()) {
                layers = Math.max(layers, Integer.parseInt(key.group(2)) + 1);
                reverse |= key.group(3) != null;
            }
        }
        if (layers == 0) {
            hints.add("the seed's classes keep their LSTM in `self.lstm` and their head in `self.fc`; rename the state_dict's keys to match");
        } else if (layers != model.numLayers()) {
            hints.add("the state_dict has " + layers + (layers == 1 ? " LSTM layer" : " LSTM layers") + ": model.num_layers: " + layers);
        }
        if (reverse && model.architecture() != Architecture.BILSTM) {
            hints.add("its LSTM is bidirectional: model.architecture: bilstm");
        }
        boolean attention = tensors.keySet().stream().anyMatch(name -> name.startsWith("attention."));
        if (attention && model.architecture() != Architecture.ATTENTION) {
            hints.add("it has the AttentionLSTM's attention layers: model.architecture: attention");
        }
        return String.join("; ", hints);
    }

    private static NetworkWeights.Lstm lstm(Map<String, TorchTensor> tensors, int layer, String direction) {
        String suffix = "_l" + layer + direction;
        double[] bias = tensors.get("lstm.bias_ih" + suffix).values().clone();
        double[] second = tensors.get("lstm.bias_hh" + suffix).values();
        for (int i = 0; i < bias.length; i++) {
            bias[i] += second[i];
        }
        return new NetworkWeights.Lstm(matrix(tensors.get("lstm.weight_ih" + suffix)), matrix(tensors.get("lstm.weight_hh" + suffix)), bias);
    }

    private static NetworkWeights.Dense dense(Map<String, TorchTensor> tensors, String module) {
        return new NetworkWeights.Dense(matrix(tensors.get(module + ".weight")), tensors.get(module + ".bias").values().clone());
    }

    private static NetworkWeights.Matrix matrix(TorchTensor tensor) {
        return new NetworkWeights.Matrix(tensor.size(0), tensor.size(1), tensor.values().clone());
    }

    private static String describe(ModelSpec model) {
        return model.architecture().name().toLowerCase() + ", " + model.numLayers() + (model.numLayers() == 1 ? " layer" : " layers")
                + " x " + model.hiddenSize() + " units";
    }

    /** The tensors a model of these settings has, with their shapes and why. */
    private record Expected(Map<String, int[]> shapes, Map<String, String> reasons) {

        static Expected of(ModelSpec model, DataSpec data) {
            Expected expected = new Expected(new LinkedHashMap<>(), new LinkedHashMap<>());
            int h = model.hiddenSize();
            boolean bidirectional = model.architecture() == Architecture.BILSTM;
            int features = data.inputColumns().size();
            String gates = "4 gates x model.hidden_size " + h;
            for (int k = 0; k < model.numLayers(); k++) {
                for (String direction : bidirectional ? new String[] {"", "_reverse"} : new String[] {""}) {
                    String suffix = "_l" + k + direction;
                    int inputs = k == 0 ? features : bidirectional ? 2 * h : h;
                    String read = k == 0 ? features + " input column(s) " + data.inputColumns()
                            : bidirectional ? "the 2 x " + h + " outputs of layer " + (k - 1) : "the " + h + " outputs of layer " + (k - 1);
                    expected.add("lstm.weight_ih" + suffix, gates + ", " + read, 4 * h, inputs);
                    expected.add("lstm.weight_hh" + suffix, gates + ", model.hidden_size " + h, 4 * h, h);
                    expected.add("lstm.bias_ih" + suffix, gates, 4 * h);
                    expected.add("lstm.bias_hh" + suffix, gates, 4 * h);
                }
            }
            int pooled = h;
            String pooledReason = "model.hidden_size " + h;
            if (model.architecture() == Architecture.ATTENTION) {
                int a = model.attentionSize();
                expected.add("attention.0.weight", "model.attention_size " + a + " x model.hidden_size " + h, a, h);
                expected.add("attention.0.bias", "model.attention_size " + a, a);
                expected.add("attention.2.weight", "1 score x model.attention_size " + a, 1, a);
                expected.add("attention.2.bias", "1 score", 1);
            } else if (bidirectional && model.bidirectionalMerge() == BidirectionalMerge.CONCAT) {
                pooled = 2 * h;
                pooledReason = "both directions concatenated, 2 x model.hidden_size " + h;
            } else if (bidirectional) {
                pooledReason = "both directions merged by " + model.bidirectionalMerge().name().toLowerCase() + ", model.hidden_size " + h;
            }
            expected.add("fc.weight", "data.horizon " + data.horizon() + " x " + pooledReason, data.horizon(), pooled);
            expected.add("fc.bias", "data.horizon " + data.horizon(), data.horizon());
            return expected;
        }

        private void add(String name, String reason, int... shape) {
            shapes.put(name, shape);
            reasons.put(name, reason);
        }

        void checkShapes(String file, Map<String, TorchTensor> tensors, ModelSpec model, DataSpec data) {
            for (Map.Entry<String, int[]> entry : shapes.entrySet()) {
                String name = entry.getKey();
                TorchTensor tensor = tensors.get(name);
                if (!tensor.hasShape(entry.getValue())) {
                    String saved = savedWith(tensors, model, data);
                    throw new ImportException(file + name + ": expected " + TorchTensor.shapeText(entry.getValue()) + " (" + reasons.get(name)
                            + "), found " + tensor.shapeText() + (saved.isEmpty() ? "" : "; " + saved));
                }
                if (!tensor.dtype().equals("FloatStorage") && !tensor.dtype().equals("DoubleStorage") && !tensor.dtype().equals("HalfStorage")
                        && !tensor.dtype().equals("BFloat16Storage")) {
                    throw new ImportException(file + name + " is a " + tensor.dtype() + " tensor; weights are floating point");
                }
                double[] values = tensor.values();
                for (int i = 0; i < values.length; i++) {
                    if (!Double.isFinite(values[i])) {
                        throw new ImportException(file + name + " holds " + values[i] + " at flat index " + i + "; the network would forecast NaN");
                    }
                }
            }
        }

        /** The settings the state_dict was saved with, where they differ from the experiment's. */
        private static String savedWith(Map<String, TorchTensor> tensors, ModelSpec model, DataSpec data) {
            List<String> settings = new ArrayList<>();
            TorchTensor recurrent = tensors.get("lstm.weight_hh_l0");
            if (recurrent != null && recurrent.rank() == 2 && recurrent.size(1) != model.hiddenSize()) {
                settings.add("model.hidden_size: " + recurrent.size(1));
            }
            TorchTensor input = tensors.get("lstm.weight_ih_l0");
            if (input != null && input.rank() == 2 && input.size(1) != data.inputColumns().size()) {
                settings.add(input.size(1) + " input column(s) in data.features");
            }
            TorchTensor score = tensors.get("attention.0.weight");
            if (score != null && score.rank() == 2 && score.size(0) != model.attentionSize()) {
                settings.add("model.attention_size: " + score.size(0));
            }
            TorchTensor head = tensors.get("fc.weight");
            if (head != null && head.rank() == 2 && head.size(0) != data.horizon()) {
                settings.add("data.horizon: " + head.size(0));
            }
            return settings.isEmpty() ? "" : "the state_dict was saved with " + String.join(", ", settings);
        }
    }
}
