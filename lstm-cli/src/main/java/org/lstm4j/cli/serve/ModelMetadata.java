package org.lstm4j.cli.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lstm4j.api.DataSpec;
import org.lstm4j.core.WindowCodec;

/** The body of {@code GET /v2/models/{name}}: one input of raw windows, one output of forecasts, both in the data's units. */
final class ModelMetadata {
    private ModelMetadata() {}

    static Map<String, Object> of(ModelEndpoint endpoint) {
        WindowCodec codec = endpoint.codec();
        DataSpec data = endpoint.loaded().spec().data();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", InferRequest.INPUT);
        input.put("datatype", "FP32");
        input.put("shape", List.of(-1, codec.steps(), codec.columns().size()));
        input.put("parameters", ordered("columns", codec.columns(), "units", "the data's own (the server scales)"));
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("name", InferRequest.OUTPUT);
        output.put("datatype", "FP32");
        output.put("shape", List.of(-1, codec.horizon()));
        output.put("parameters", Map.of("target", data.targetColumn()));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", endpoint.name());
        metadata.put("platform", "lstm4j_dl4j");
        metadata.put("inputs", List.of(input));
        metadata.put("outputs", List.of(output));
        metadata.put("parameters", ordered("architecture", endpoint.loaded().spec().model().architecture().name().toLowerCase(Locale.ROOT),
                "transform", data.transform().name().toLowerCase(Locale.ROOT), "bundle", endpoint.bundle().toString()));
        return metadata;
    }

    /** A map of key, value, key, value... in that order (Map.of's order changes from run to run). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
