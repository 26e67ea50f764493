package org.lstm4j.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.List;
import org.lstm4j.core.WindowCodec;

/**
 * A parsed and checked Open Inference Protocol infer request: one input tensor of raw windows in the data's units.
 *
 * @param id       the request's {@code id}, echoed; null when it had none
 * @param datatype {@code FP32} or {@code FP64}, as sent (the answer uses the same)
 * @param windows  windows in the tensor
 * @param values   {@code windows * steps * columns} values, row-major
 */
record InferRequest(String id, String datatype, int windows, double[] values) {
    static final String INPUT = WindowCodec.INPUT;
    static final String OUTPUT = WindowCodec.OUTPUT;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses {@code body} for a model whose windows {@code codec} describes.
     *
     * @throws HttpError 400 naming what is wrong: malformed JSON, a missing or unknown field, wrong shape or datatype,
     *                   a value that is not a finite number
     */
    static InferRequest parse(byte[] body, WindowCodec codec) throws HttpError {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("malformed JSON: " + e.getOriginalMessage() + location(e));
        } catch (IOException e) {
            throw HttpError.badRequest("malformed JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw HttpError.badRequest("the body must be a JSON object {\"inputs\": [...]}");
        }
        String id = null;
        JsonNode idNode = root.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual()) {
                throw HttpError.badRequest("id must be a string");
            }
            id = idNode.asText();
        }
        checkOutputs(root.get("outputs"));
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.size() != 1) {
            throw HttpError.badRequest("inputs must be a list of one tensor {\"name\": \"" + INPUT + "\", \"shape\": [n, "
                    + codec.steps() + ", " + codec.columns().size() + "], \"datatype\": \"FP32\", \"data\": [...]}");
        }
        JsonNode input = inputs.get(0);
        if (!input.isObject()) {
            throw HttpError.badRequest("inputs[0] must be an object");
        }
        String name = text(input, "name");
        if (!INPUT.equals(name)) {
            throw HttpError.badRequest("inputs[0].name: this model has one input, '" + INPUT + "', not '" + name + "'");
        }
        String datatype = text(input, "datatype");
        if (!datatype.equals("FP32") && !datatype.equals("FP64")) {
            throw HttpError.badRequest("inputs[0].datatype: '" + datatype + "' is not supported; send FP32 or FP64");
        }
        int windows = windows(input.get("shape"), codec);
        JsonNode data = input.get("data");
        if (data == null || !data.isArray()) {
            throw HttpError.badRequest("inputs[0].data must be a list of numbers (flat or nested, row-major)");
        }
        // The values are counted (and checked) before anything is allocated: the shape is the client's claim, and
        // [77777885, 6, 2] in a 100-byte body must not allocate 7 GB (found by InferRequestFuzzTest).
        long expected = (long) windows * codec.steps() * codec.columns().size();
        int count = flatten((ArrayNode) data, null, 0, 0);
        if (count != expected) {
            throw HttpError.badRequest("inputs[0].data has " + count + " values; shape " + shape(windows, codec) + " needs " + expected);
        }
        double[] values = new double[count];
        flatten((ArrayNode) data, values, 0, 0);
        return new InferRequest(id, datatype, windows, values);
    }

    private static void checkOutputs(JsonNode outputs) throws HttpError {
        if (outputs == null || outputs.isNull()) {
            return;
        }
        if (!outputs.isArray()) {
            throw HttpError.badRequest("outputs must be a list of {\"name\": \"" + OUTPUT + "\"}");
        }
        for (JsonNode output : outputs) {
            JsonNode name = output.get("name");
            if (name == null || !OUTPUT.equals(name.asText())) {
                throw HttpError.badRequest("outputs: this model has one output, '" + OUTPUT + "', not " + (name == null ? "an unnamed one" : "'" + name.asText() + "'"));
            }
        }
    }

    private static String text(JsonNode input, String field) throws HttpError {
        JsonNode node = input.get(field);
        if (node == null || !node.isTextual()) {
            throw HttpError.badRequest("inputs[0]." + field + ": missing or not a string");
        }
        return node.asText();
    }

    private static int windows(JsonNode shape, WindowCodec codec) throws HttpError {
        if (shape == null || !shape.isArray() || shape.size() != 3) {
            throw HttpError.badRequest("inputs[0].shape must be [windows, " + codec.steps() + ", " + codec.columns().size()
                    + "] (" + codec.steps() + " steps of " + codec.columns() + "), was " + shape);
        }
        int[] dims = new int[3];
        for (int i = 0; i < 3; i++) {
            JsonNode d = shape.get(i);
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 1) {
                throw HttpError.badRequest("inputs[0].shape[" + i + "] must be a positive integer, was " + d);
            }
            dims[i] = d.asInt();
        }
        if (dims[1] != codec.steps() || dims[2] != codec.columns().size()) {
            throw HttpError.badRequest("inputs[0].shape " + shape + " does not fit this model: it reads [n, " + codec.steps()
                    + ", " + codec.columns().size() + "] (" + codec.steps() + " steps of " + codec.columns() + ")");
        }
        return dims[0];
    }

    private static String shape(int windows, WindowCodec codec) {
        return "[" + windows + ", " + codec.steps() + ", " + codec.columns().size() + "]";
    }

    /**
     * Copies the numbers of a flat or nested list into {@code values} (when not null) in row-major order; returns how many
     * there are.
     */
    private static int flatten(ArrayNode array, double[] values, int at, int depth) throws HttpError {
        if (depth > 3) {
            throw HttpError.badRequest("inputs[0].data is nested deeper than the tensor's 3 dimensions");
        }
        for (JsonNode item : array) {
            if (item.isArray()) {
                at = flatten((ArrayNode) item, values, at, depth + 1);
                continue;
            }
            if (!item.isNumber()) {
                throw HttpError.badRequest("inputs[0].data[" + at + "] is " + describe(item) + ", not a number");
            }
            double value = item.doubleValue();
            if (!Double.isFinite(value)) {
                throw HttpError.badRequest("inputs[0].data[" + at + "] is not finite (" + item + ")");
            }
            if (values != null && at < values.length) {
                values[at] = value;
            }
            at++;
        }
        return at;
    }

    private static String describe(JsonNode item) {
        if (item.isNull()) {
            return "null";
        }
        String text = item.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
