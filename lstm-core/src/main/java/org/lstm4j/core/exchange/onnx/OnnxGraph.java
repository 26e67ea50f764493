package org.lstm4j.core.exchange.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lstm4j.core.exchange.onnx.OnnxProto.Message;

/**
 * An ONNX graph being built node by node, in topological order: values are named by the strings this builder
 * hands out, constants become initializers, and {@link #toModel} writes the whole {@code ModelProto}.
 */
final class OnnxGraph {
    /** The name of the symbolic (batch) dimension of inputs and outputs. */
    static final String BATCH = "batch";

    private final List<Message> nodes = new ArrayList<>();
    private final List<Message> initializers = new ArrayList<>();
    private final List<Message> inputs = new ArrayList<>();
    private final List<Message> outputs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** A node attribute. */
    sealed interface Attribute permits Int, Ints, Real, Text {
        /** The attribute's protobuf message. */
        Message message();
    }

    /** An {@code int} attribute. */
    record Int(String name, long value) implements Attribute {
        @Override
        public Message message() {
            return OnnxProto.intAttribute(name, value);
        }
    }

    /** An {@code ints} attribute. */
    record Ints(String name, long... values) implements Attribute {
        @Override
        public Message message() {
            return OnnxProto.intsAttribute(name, values);
        }
    }

    /** A {@code float} attribute. */
    record Real(String name, float value) implements Attribute {
        @Override
        public Message message() {
            return OnnxProto.floatAttribute(name, value);
        }
    }

    /** A {@code string} attribute. */
    record Text(String name, String value) implements Attribute {
        @Override
        public Message message() {
            return OnnxProto.stringAttribute(name, value);
        }
    }

    /** Declares a float input of the graph; a negative dimension is the batch. Returns its value. */
    String input(String name, long... dims) {
        inputs.add(OnnxProto.floatValueInfo(claim(name), dims, BATCH));
        return name;
    }

    /** Declares {@code value} a float output of the graph named {@code name} (through an {@code Identity}). */
    void output(String name, String value, long... dims) {
        nodes.add(OnnxProto.node(name, "Identity", List.of(value), List.of(claim(name)), List.of()));
        outputs.add(OnnxProto.floatValueInfo(name, dims, BATCH));
    }

    /** A float constant of shape {@code dims}. */
    String constant(String hint, float[] values, long... dims) {
        String name = fresh(hint);
        initializers.add(OnnxProto.tensor(name, dims, values));
        return name;
    }

    /** A float constant of shape {@code dims}, narrowed from doubles. */
    String constant(String hint, double[] values, long... dims) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return constant(hint, floats, dims);
    }

    /** A one-dimensional int64 constant (axes, shapes, slice bounds). */
    String ints(String hint, long... values) {
        String name = fresh(hint);
        initializers.add(OnnxProto.tensor(name, new long[] {values.length}, values));
        return name;
    }

    /** A rank-0 int64 constant (CumSum's axis). */
    String scalar(String hint, long value) {
        String name = fresh(hint);
        initializers.add(OnnxProto.tensor(name, new long[0], new long[] {value}));
        return name;
    }

    /** A node of one output; returns that output. */
    String op(String opType, List<String> operands, Attribute... attributes) {
        return op(opType, 1, operands, attributes).get(0);
    }

    /** A node of {@code count} outputs (the first {@code count} the operator defines); returns them. */
    List<String> op(String opType, int count, List<String> operands, Attribute... attributes) {
        String node = fresh(opType);
        List<String> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(count == 1 ? node : claim(node + "." + i));
        }
        nodes.add(OnnxProto.node(node, opType, operands, results,
                Arrays.stream(attributes).map(Attribute::message).toList()));
        return results;
    }

    /** The whole model: this graph, the default operator set {@code opset}, and {@code metadata} as metadata_props. */
    byte[] toModel(String graphName, long irVersion, long opset, String producerVersion, String doc, Map<String, String> metadata) {
        Message graph = OnnxProto.graph(graphName, nodes, initializers, inputs, outputs);
        return OnnxProto.model(irVersion, opset, "lstm4j", producerVersion, doc, graph, metadata);
    }

    private String fresh(String hint) {
        String name = hint;
        for (int n = 1; names.contains(name); n++) {
            name = hint + "_" + n;
        }
        return claim(name);
    }

    private String claim(String name) {
        if (!names.add(name)) {
            throw new IllegalStateException("the graph already has a value named " + name);
        }
        return name;
    }
}
