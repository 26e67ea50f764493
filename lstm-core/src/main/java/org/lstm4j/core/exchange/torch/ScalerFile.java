package org.lstm4j.core.exchange.torch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lstm4j.data.FittedScaler;

/**
 * The scalers a PyTorch model was trained with, as a scikit-learn user knows them: one JSON object per column.
 *
 * <pre>
 * {"y": {"type": "minmax", "min": 30.6, "max": 75.6, "range": [0, 1]},     MinMaxScaler: data_min_, data_max_, feature_range
 *  "x": {"type": "standard", "mean": 0.01, "std": 0.7}}                     StandardScaler: mean_, scale_
 * </pre>
 *
 * {@code range} may be left out ({@code [0, 1]}, scikit-learn's default). A spread of 0 counts as 1, as in
 * scikit-learn. Every column the experiment reads needs one; other columns are left alone (one file may serve several
 * models of the same data), so a misspelt column shows as the missing one.
 */
public final class ScalerFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MINMAX_FIELDS = Set.of("type", "min", "max", "range");
    private static final Set<String> STANDARD_FIELDS = Set.of("type", "mean", "std");

    private ScalerFile() {}

    /**
     * The fitted scaler of each of {@code columns}, in that order.
     *
     * @throws ImportException naming the file and the column and field at fault
     */
    public static Map<String, FittedScaler> read(Path file, List<String> columns) {
        JsonNode root = parse(file);
        if (!root.isObject()) {
            throw new ImportException(file + ": expected an object of scalers by column, e.g. {\"y\": {\"type\": \"minmax\", ...}}");
        }
        Map<String, FittedScaler> scalers = new LinkedHashMap<>();
        for (String column : columns) {
            JsonNode scaler = root.get(column);
            if (scaler == null) {
                throw new ImportException(file + ": no scaler for column '" + column + "' (the experiment reads " + columns
                        + "; the file has " + fieldNames(root) + ")");
            }
            scalers.put(column, scaler(file + ": " + column, scaler));
        }
        return scalers;
    }

    private static JsonNode parse(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ImportException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new ImportException(file + ": not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static FittedScaler scaler(String where, JsonNode node) {
        if (!node.isObject()) {
            throw new ImportException(where + ": expected an object with \"type\": \"minmax\" or \"standard\"");
        }
        String type = node.path("type").asText("");
        Set<String> fields = switch (type) {
            case "minmax" -> MINMAX_FIELDS;
            case "standard" -> STANDARD_FIELDS;
            default -> throw new ImportException(where + ".type: '" + type + "' is not minmax or standard");
        };
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!fields.contains(field)) {
                throw new ImportException(where + "." + field + ": unknown field (" + type + " takes " + String.join(", ", sorted(fields)) + ")");
            }
        }
        try {
            if (type.equals("minmax")) {
                double min = number(where, node, "min");
                double max = number(where, node, "max");
                if (max < min) {
                    throw new ImportException(where + ": max " + max + " is below min " + min);
                }
                double[] range = range(where, node.get("range"));
                return FittedScaler.minMax(min, max, range[0], range[1]);
            }
            double std = number(where, node, "std");
            if (std < 0) {
                throw new ImportException(where + ".std: " + std + " is negative");
            }
            return FittedScaler.standard(number(where, node, "mean"), std);
        } catch (IllegalArgumentException e) { // FittedScaler's own checks: a scale that is not finite
            throw new ImportException(where + ": " + e.getMessage(), e);
        }
    }

    private static double number(String where, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new ImportException(where + "." + field + ": " + (value == null ? "missing" : value + " is not a finite number"));
        }
        return value.asDouble();
    }

    private static double[] range(String where, JsonNode range) {
        if (range == null) {
            return new double[] {0.0, 1.0};
        }
        if (!range.isArray() || range.size() != 2 || !range.get(0).isNumber() || !range.get(1).isNumber()
                || !(range.get(0).asDouble() < range.get(1).asDouble())) {
            throw new ImportException(where + ".range: expected two increasing numbers (scikit-learn's feature_range), was " + range);
        }
        return new double[] {range.get(0).asDouble(), range.get(1).asDouble()};
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> sorted(Set<String> fields) {
        List<String> list = new ArrayList<>(fields);
        list.sort(null);
        return list;
    }
}
