package org.lstm4j.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lstm4j.api.ExperimentSpec;

/**
 * Applies {@code dotted.path -> value} assignments (a tuning trial's) to an experiment, through the same
 * binder and checks as a YAML file, so a trial's experiment is exactly what its YAML would give.
 */
public final class SpecOverrides {
    private SpecOverrides() {}

    /**
     * {@code base} with every assignment applied.
     *
     * @throws ConfigException naming {@code tuning.parameters.<path>} for a path that does not exist or a value
     *                         the key does not accept
     */
    public static ExperimentSpec apply(ExperimentSpec base, Map<String, Object> assignment) {
        Map<String, Object> tree = SpecWriter.toTree(base);
        List<ConfigProblem> problems = new ArrayList<>();
        List<Map.Entry<String, Object>> ordered = new ArrayList<>(assignment.entrySet());
        ordered.sort(java.util.Comparator.comparing(e -> !e.getKey().endsWith(".type")));
        for (Map.Entry<String, Object> entry : ordered) {
            String problem = set(tree, entry.getKey(), entry.getValue());
            if (problem != null) {
                problems.add(new ConfigProblem(null, 0, 0, "tuning.parameters." + entry.getKey(), problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        String yaml = new org.yaml.snakeyaml.Yaml().dump(tree);
        try {
            return ExperimentLoader.bind(yaml, "trial", Path.of("."), base.name()).spec();
        } catch (ConfigException e) {
            List<ConfigProblem> located = new ArrayList<>();
            for (ConfigProblem p : e.problems()) {
                String key = assignment.keySet().stream().filter(k -> p.path().startsWith(k)).findFirst().orElse(p.path());
                located.add(new ConfigProblem(null, 0, 0, "tuning.parameters." + key, "value " + assignment.get(key) + ": " + p.message()));
            }
            throw new ConfigException(located);
        }
    }

    @SuppressWarnings("unchecked")
    private static String set(Map<String, Object> tree, String path, Object value) {
        String[] keys = path.split("\\.");
        Map<String, Object> node = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            Object child = node.get(keys[i]);
            if (!(child instanceof Map<?, ?>)) {
                return "no such key in the experiment: '" + String.join(".", java.util.Arrays.copyOf(keys, i + 1)) + "'";
            }
            node = (Map<String, Object>) child;
        }
        String last = keys[keys.length - 1];
        if (!node.containsKey(last) && !last.equals("type")) {
            Map<String, Object> known = node;
            return "no such key in the experiment: '" + path + "'"
                    + DidYouMean.closest(last, known.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("");
        }
        if (last.equals("type") && !node.containsKey("type")) {
            return "no such key in the experiment: '" + path + "'";
        }
        if (last.equals("type")) {
            node.clear();
        }
        node.put(last, value);
        return null;
    }
}
