package org.lstm4j.core.exchange.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * ONNX's protobuf messages written field by field with protobuf-java's {@link CodedOutputStream}: no generated
 * classes, no {@code protoc}. The field numbers are those of {@code onnx/onnx.proto} (a proto2 file: repeated
 * scalars without {@code [packed = true]} are written one element per field, as proto2 does); only the fields
 * lstm4j writes are listed.
 */
final class OnnxProto {
    /** {@code TensorProto.DataType.FLOAT}. */
    static final int FLOAT = 1;
    /** {@code TensorProto.DataType.INT64}. */
    static final int INT64 = 7;

    // message ModelProto
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_PRODUCER_NAME = 2;
    private static final int MODEL_PRODUCER_VERSION = 3;
    private static final int MODEL_DOC_STRING = 6;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_OPSET_IMPORT = 8;
    private static final int MODEL_METADATA_PROPS = 14;
    // message OperatorSetIdProto
    private static final int OPSET_DOMAIN = 1;
    private static final int OPSET_VERSION = 2;
    // message StringStringEntryProto
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;
    // message GraphProto
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_NAME = 2;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    // message NodeProto
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    // message AttributeProto, and its enum AttributeType
    private static final int ATTRIBUTE_NAME = 1;
    private static final int ATTRIBUTE_F = 2;
    private static final int ATTRIBUTE_I = 3;
    private static final int ATTRIBUTE_S = 4;
    private static final int ATTRIBUTE_INTS = 8;
    private static final int ATTRIBUTE_TYPE = 20;
    private static final int TYPE_FLOAT = 1;
    private static final int TYPE_INT = 2;
    private static final int TYPE_STRING = 3;
    private static final int TYPE_INTS = 7;
    // message TensorProto
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    // message ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto, TensorShapeProto.Dimension
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR_TYPE = 1;
    private static final int TENSOR_TYPE_ELEM_TYPE = 1;
    private static final int TENSOR_TYPE_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int DIM_PARAM = 2;

    private OnnxProto() {}

    /** A {@code ModelProto} of one graph importing the default ({@code ai.onnx}) operator set. */
    static byte[] model(long irVersion, long opset, String producer, String producerVersion, String doc, Message graph,
                        Map<String, String> metadata) {
        Message model = new Message()
                .int64(MODEL_IR_VERSION, irVersion)
                .string(MODEL_PRODUCER_NAME, producer)
                .string(MODEL_PRODUCER_VERSION, producerVersion)
                .string(MODEL_DOC_STRING, doc)
                .message(MODEL_GRAPH, graph)
                .message(MODEL_OPSET_IMPORT, new Message().string(OPSET_DOMAIN, "").int64(OPSET_VERSION, opset));
        metadata.forEach((key, value) -> model.message(MODEL_METADATA_PROPS, new Message().string(ENTRY_KEY, key).string(ENTRY_VALUE, value)));
        return model.toByteArray();
    }

    /** A {@code GraphProto}; {@code nodes} sorted topologically. */
    static Message graph(String name, List<Message> nodes, List<Message> initializers, List<Message> inputs, List<Message> outputs) {
        Message graph = new Message().string(GRAPH_NAME, name);
        nodes.forEach(node -> graph.message(GRAPH_NODE, node));
        initializers.forEach(tensor -> graph.message(GRAPH_INITIALIZER, tensor));
        inputs.forEach(input -> graph.message(GRAPH_INPUT, input));
        outputs.forEach(output -> graph.message(GRAPH_OUTPUT, output));
        return graph;
    }

    /** A {@code NodeProto}; an empty string in {@code inputs} or {@code outputs} skips an optional one. */
    static Message node(String name, String opType, List<String> inputs, List<String> outputs, List<Message> attributes) {
        Message node = new Message().string(NODE_NAME, name).string(NODE_OP_TYPE, opType);
        inputs.forEach(input -> node.string(NODE_INPUT, input));
        outputs.forEach(output -> node.string(NODE_OUTPUT, output));
        attributes.forEach(attribute -> node.message(NODE_ATTRIBUTE, attribute));
        return node;
    }

    /** An {@code INT} attribute. */
    static Message intAttribute(String name, long value) {
        return new Message().string(ATTRIBUTE_NAME, name).int32(ATTRIBUTE_TYPE, TYPE_INT).int64(ATTRIBUTE_I, value);
    }

    /** An {@code INTS} attribute. */
    static Message intsAttribute(String name, long[] values) {
        Message attribute = new Message().string(ATTRIBUTE_NAME, name).int32(ATTRIBUTE_TYPE, TYPE_INTS);
        for (long value : values) {
            attribute.int64(ATTRIBUTE_INTS, value);
        }
        return attribute;
    }

    /** A {@code FLOAT} attribute. */
    static Message floatAttribute(String name, float value) {
        return new Message().string(ATTRIBUTE_NAME, name).int32(ATTRIBUTE_TYPE, TYPE_FLOAT).float32(ATTRIBUTE_F, value);
    }

    /** A {@code STRING} attribute. */
    static Message stringAttribute(String name, String value) {
        return new Message().string(ATTRIBUTE_NAME, name).int32(ATTRIBUTE_TYPE, TYPE_STRING).string(ATTRIBUTE_S, value);
    }

    /** A float {@code TensorProto}, its values little-endian in {@code raw_data}. */
    static Message tensor(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return tensor(name, dims, FLOAT, raw.array());
    }

    /** An int64 {@code TensorProto}, its values little-endian in {@code raw_data}. */
    static Message tensor(String name, long[] dims, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return tensor(name, dims, INT64, raw.array());
    }

    private static Message tensor(String name, long[] dims, int dataType, byte[] raw) {
        Message tensor = new Message();
        for (long dim : dims) {
            tensor.int64(TENSOR_DIMS, dim);
        }
        return tensor.int32(TENSOR_DATA_TYPE, dataType).string(TENSOR_NAME, name).bytes(TENSOR_RAW_DATA, raw);
    }

    /**
     * A {@code ValueInfoProto} of a float tensor.
     *
     * @param dims its shape; a negative dimension is symbolic, named {@code symbol}
     */
    static Message floatValueInfo(String name, long[] dims, String symbol) {
        Message shape = new Message();
        for (long dim : dims) {
            shape.message(SHAPE_DIM, dim < 0 ? new Message().string(DIM_PARAM, symbol) : new Message().int64(DIM_VALUE, dim));
        }
        Message tensorType = new Message().int32(TENSOR_TYPE_ELEM_TYPE, FLOAT).message(TENSOR_TYPE_SHAPE, shape);
        return new Message().string(VALUE_INFO_NAME, name).message(VALUE_INFO_TYPE, new Message().message(TYPE_TENSOR_TYPE, tensorType));
    }

    /** One protobuf message being written: fields appended in call order. */
    static final class Message {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

        Message int64(int field, long value) {
            return write(() -> out.writeInt64(field, value));
        }

        Message int32(int field, int value) {
            return write(() -> out.writeInt32(field, value));
        }

        Message float32(int field, float value) {
            return write(() -> out.writeFloat(field, value));
        }

        Message string(int field, String value) {
            return write(() -> out.writeString(field, value));
        }

        Message bytes(int field, byte[] value) {
            return write(() -> out.writeByteArray(field, value));
        }

        /** An embedded message: length-delimited, as {@code bytes} are. */
        Message message(int field, Message message) {
            return bytes(field, message.toByteArray());
        }

        byte[] toByteArray() {
            write(out::flush);
            return buffer.toByteArray();
        }

        private Message write(Write write) {
            try {
                write.run();
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory failed", e);
            }
            return this;
        }

        private interface Write {
            void run() throws IOException;
        }
    }
}
