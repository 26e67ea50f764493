package org.lstm4j.core.config;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SpecNames;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a spec back in the DSL's shape, every default filled in: the resolved {@code experiment.yaml}
 * of a run directory, and the experiment stored in a bundle. {@link ExperimentLoader#bind} reads it back
 * into an equal spec. Paths are written absolute, so the file reads the same from anywhere.
 */
public final class SpecWriter {
    private SpecWriter() {}

    /** The experiment as nested maps, lists and plain values, in the DSL's key order. */
    public static Map<String, Object> toTree(ExperimentSpec spec) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) plain(spec);
        return tree;
    }

    /** The experiment as a YAML document. */
    public static String toYaml(ExperimentSpec spec) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        return "# lstm4j experiment, every default filled in\n" + new Yaml(options).dump(toTree(spec));
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return SpecNames.of(constant);
        }
        if (value instanceof Path path) {
            return path.toAbsolutePath().normalize().toString();
        }
        if (value instanceof BatchSize.Fixed fixed) {
            return fixed.size();
        }
        if (value instanceof BatchSize.Full) {
            return "full";
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(plain(item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), plain(v)));
            return out;
        }
        if (value instanceof Record record) {
            return recordTree(record);
        }
        throw new IllegalArgumentException("cannot write " + value.getClass());
    }

    private static Map<String, Object> recordTree(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        Class<?> type = record.getClass();
        if (type.getInterfaces().length == 1 && type.getInterfaces()[0].isSealed()
                && !(record instanceof SourceSpec) && !(record instanceof BatchSize)) {
            out.put("type", type.getSimpleName().toLowerCase(Locale.ROOT));
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value == null) {
                continue;
            }
            String key = SpecNames.snakeCase(component.getName());
            if (value instanceof SourceSpec.Synthetic) {
                key = "synthetic";
            }
            out.put(key, plain(value));
        }
        return out;
    }
}
