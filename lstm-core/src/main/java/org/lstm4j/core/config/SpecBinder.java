package org.lstm4j.core.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SpecNames;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds a composed YAML tree onto the spec records by reflection: a key is the snake_case name of
 * a record component, a missing key takes the component's value in the record's {@code defaults()}.
 * Every problem is collected (never thrown) with its line, so one run reports them all.
 */
final class SpecBinder {
    /** Marks a value that could not be bound; its problem is already recorded. */
    private static final Object FAILED = new Object();
    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);
    /** YAML 1.1's words for true (SnakeYAML's resolver tags these and no/n/off/false as booleans). */
    private static final Set<String> YAML_TRUE = Set.of("true", "yes", "y", "on");
    private static final Set<Tag> ALLOWED_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);
    private static final String SYNTHETIC_KEY = "synthetic";

    private final String file;
    private final Path baseDir;
    private final boolean checkFiles;
    private final Validator validator;
    private final Locations locations;
    private final List<ConfigProblem> problems = new ArrayList<>();

    SpecBinder(String file, Path baseDir, Validator validator, boolean checkFiles) {
        this.file = file;
        this.checkFiles = checkFiles;
        this.baseDir = baseDir;
        this.validator = validator;
        this.locations = new Locations(file);
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    Locations locations() {
        return locations;
    }

    /** Binds {@code node} as a record of {@code type}, or returns null after recording problems. */
    <R extends Record> R bindRoot(Class<R> type, Node node, R defaults) {
        Object value = hasAllowedTag(node, "") ? bindRecord(type, node, "", defaults) : FAILED;
        return value == FAILED ? null : type.cast(value);
    }

    private void problem(Node node, String path, String message) {
        problems.add(new ConfigProblem(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, path, message));
    }

    private void remember(String path, Node node) {
        locations.put(path, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private Object bindRecord(Class<?> type, Node node, String path, Object defaults) {
        remember(path, node);
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a mapping of keys (" + keysOf(type) + "), was " + describe(node));
            return FAILED;
        }
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent component : components) {
            byKey.put(SpecNames.snakeCase(component.getName()), component);
        }
        boolean isData = type == DataSpec.class;
        Map<String, Object> bound = new LinkedHashMap<>();
        Map<String, Node> keyNodes = new LinkedHashMap<>();
        int before = problems.size();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyOf(tuple.getKeyNode(), path);
            if (key == null) {
                continue;
            }
            Node previous = keyNodes.putIfAbsent(key, tuple.getKeyNode());
            if (previous != null) {
                problem(tuple.getKeyNode(), child(path, key), "duplicate key (first at line " + (previous.getStartMark().getLine() + 1) + ")");
                continue;
            }
            Node valueNode = tuple.getValueNode();
            if (isData && (key.equals("source") || key.equals(SYNTHETIC_KEY))) {
                bindSource(key, valueNode, child(path, key), bound);
                continue;
            }
            RecordComponent component = byKey.get(key);
            if (component == null) {
                problem(tuple.getKeyNode(), child(path, key), unknownKey(key, isData ? withSynthetic(byKey.keySet()) : byKey.keySet()));
                continue;
            }
            remember(child(path, key), valueNode);
            Object defaultValue = defaults == null ? null : componentValue(component, defaults);
            Object value = bindValue(component.getGenericType(), valueNode, child(path, key), defaultValue);
            bound.put(component.getName(), value);
            validate(type, component, value, valueNode, child(path, key));
        }
        if (isData && checkFiles && bound.get("source") instanceof SourceSpec.Csv csv) {
            Object target = bound.get("target");
            Object features = bound.getOrDefault("features", List.of());
            Object seriesColumn = bound.get("seriesColumn");
            if (target != FAILED && features instanceof List<?> list && seriesColumn != FAILED) {
                problems.addAll(CsvColumns.check(csv, (String) target, list, (String) seriesColumn, locations));
            }
        }
        if (problems.size() > before || bound.containsValue(FAILED)) {
            return FAILED;
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            if (bound.containsKey(component.getName())) {
                values[i] = bound.get(component.getName());
            } else {
                values[i] = defaults == null ? null : componentValue(component, defaults);
                validate(type, component, values[i], mapping, child(path, SpecNames.snakeCase(component.getName())));
            }
        }
        if (problems.size() > before) {
            return FAILED;
        }
        return construct(type, components, values, mapping, path);
    }

    private static Set<String> withSynthetic(Set<String> keys) {
        Set<String> all = new java.util.LinkedHashSet<>(keys);
        all.add(SYNTHETIC_KEY);
        return all;
    }

    private void bindSource(String key, Node node, String path, Map<String, Object> bound) {
        remember(path, node);
        if (bound.containsKey("source")) {
            problem(node, path, "give either data.source (a CSV file) or data.synthetic, not both");
            return;
        }
        Object value = key.equals(SYNTHETIC_KEY)
                ? bindRecord(SourceSpec.Synthetic.class, node, path, SourceSpec.Synthetic.sine())
                : bindRecord(SourceSpec.Csv.class, node, path, new SourceSpec.Csv(Path.of("."), null, ","));
        bound.put("source", value);
    }

    private void validate(Class<?> type, RecordComponent component, Object value, Node at, String path) {
        if (value == FAILED) {
            return;
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Set<ConstraintViolation<?>> violations = (Set) validator.validateValue((Class) type, component.getName(), value);
        if (violations.isEmpty()) {
            return;
        }
        String range = Ranges.describe(component);
        String message = value == null ? "missing: this key is required"
                : range.isEmpty() ? violations.iterator().next().getMessage() + ", was " + value
                : "must be in " + range + ", was " + value;
        problem(at, path, message);
    }

    private Object construct(Class<?> type, RecordComponent[] components, Object[] values, Node node, String path) {
        try {
            Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            var constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            String message = e.getCause() == null ? e.toString() : e.getCause().getMessage();
            String prefix = type.getSimpleName() + ": ";
            problem(node, path, message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message);
            return FAILED;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /** Only the core schema's tags: a global tag ({@code !!java.net.URL}) is refused, never resolved. */
    private boolean hasAllowedTag(Node node, String path) {
        if (ALLOWED_TAGS.contains(node.getTag())) {
            return true;
        }
        problem(node, path, "tag " + node.getTag() + " is not allowed; values are plain numbers, strings, booleans, lists and mappings");
        return false;
    }

    private Object bindValue(Type type, Node node, String path, Object defaultValue) {
        if (!hasAllowedTag(node, path)) {
            return FAILED;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (raw == List.class) {
                return bindList(parameterized.getActualTypeArguments()[0], node, path);
            }
            if (raw == Map.class) {
                return bindParameterMap(node, path);
            }
            throw new IllegalStateException("unsupported spec type " + type);
        }
        Class<?> target = (Class<?>) type;
        if (target.isRecord()) {
            return bindRecord(target, node, path, defaultValue != null ? defaultValue : staticDefaults(target));
        }
        if (target == BatchSize.class) {
            return bindBatchSize(node, path);
        }
        if (target.isSealed() && target.isInterface()) {
            return bindVariant(target, node, path, defaultValue);
        }
        if (!(node instanceof ScalarNode scalar)) {
            problem(node, path, "expected " + expected(target) + ", was " + describe(node));
            return FAILED;
        }
        if (scalar.getTag().equals(Tag.NULL)) {
            if (target.isPrimitive()) {
                problem(node, path, "expected " + expected(target) + ", was empty");
                return FAILED;
            }
            return null;
        }
        return bindScalar(target, scalar, path);
    }

    private Object bindScalar(Class<?> target, ScalarNode scalar, String path) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
                if (!tag.equals(Tag.INT)) {
                    problem(scalar, path, "expected an integer, was '" + text + "'");
                    return FAILED;
                }
                long value = Long.parseLong(text.replace("_", ""));
                if (target == int.class || target == Integer.class) {
                    if (value != (int) value) {
                        problem(scalar, path, "integer out of range: " + text);
                        return FAILED;
                    }
                    return (int) value;
                }
                return value;
            }
            if (target == double.class || target == Double.class) {
                if (!tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT)) {
                    problem(scalar, path, "expected a number, was '" + text + "'");
                    return FAILED;
                }
                double value = Double.parseDouble(text.replace("_", ""));
                if (!Double.isFinite(value)) {
                    problem(scalar, path, "expected a finite number, was '" + text + "'");
                    return FAILED;
                }
                return value;
            }
        } catch (NumberFormatException e) {
            problem(scalar, path, "not a number: '" + text + "'");
            return FAILED;
        }
        if (target == boolean.class || target == Boolean.class) {
            if (!tag.equals(Tag.BOOL)) {
                problem(scalar, path, "expected true or false, was '" + text + "'");
                return FAILED;
            }
            return YAML_TRUE.contains(text.toLowerCase(Locale.ROOT));
        }
        if (target == String.class) {
            return text;
        }
        if (target == Path.class) {
            return baseDir.resolve(text).normalize();
        }
        if (target.isEnum()) {
            for (Object constant : target.getEnumConstants()) {
                if (SpecNames.of((Enum<?>) constant).equals(text.toLowerCase(Locale.ROOT))) {
                    return constant;
                }
            }
            problem(scalar, path, "'" + text + "' is not one of: " + choices(target));
            return FAILED;
        }
        throw new IllegalStateException("unsupported spec type " + target);
    }

    private Object bindList(Type elementType, Node node, String path) {
        List<Node> items;
        if (node instanceof SequenceNode sequence) {
            items = sequence.getValue();
        } else if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            items = List.of(node);
        } else {
            problem(node, path, "expected a list, was " + describe(node));
            return FAILED;
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            remember(path + "[" + i + "]", items.get(i));
            Object value = bindValue(elementType, items.get(i), path + "[" + i + "]", null);
            if (value == null) {
                problem(items.get(i), path + "[" + i + "]", "empty list element");
                return FAILED;
            }
            values.add(value);
        }
        return values.contains(FAILED) ? FAILED : values;
    }

    private Object bindParameterMap(Node node, String path) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a mapping of dotted paths to lists of values, was " + describe(node));
            return FAILED;
        }
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = keyOf(tuple.getKeyNode(), path);
            Node valueNode = tuple.getValueNode();
            remember(child(path, key), valueNode);
            if (!(valueNode instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
                problem(valueNode, child(path, key), "expected a non-empty list of candidate values, was " + describe(valueNode));
                continue;
            }
            List<Object> candidates = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                candidates.add(plainValue(item, child(path, key)));
            }
            values.put(key, candidates);
        }
        return values;
    }

    private Object plainValue(Node node, String path) {
        if (node instanceof ScalarNode scalar && SCALAR_TAGS.contains(scalar.getTag())) {
            String text = scalar.getValue();
            Tag tag = scalar.getTag();
            try {
                if (tag.equals(Tag.INT)) {
                    return Long.parseLong(text.replace("_", ""));
                }
                if (tag.equals(Tag.FLOAT)) {
                    return Double.parseDouble(text.replace("_", ""));
                }
            } catch (NumberFormatException e) {
                // YAML 1.1 also tags 0x1f, 0o17, 1:30 (base 60) and .inf as numbers, which Java does not parse
                problem(node, path, "not a number: '" + text + "'");
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                return YAML_TRUE.contains(text.toLowerCase(Locale.ROOT));
            }
            return text;
        }
        problem(node, path, "expected a plain value, was " + describe(node));
        return null;
    }

    private Object bindBatchSize(Node node, String path) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.getValue().equalsIgnoreCase("full")) {
                return BatchSize.full();
            }
            if (scalar.getTag().equals(Tag.INT)) {
                Object size = bindScalar(int.class, scalar, path);
                if (size instanceof Integer n && n >= 1) {
                    return BatchSize.of(n);
                }
            }
        }
        problem(node, path, "expected a positive integer or 'full', was " + describe(node));
        return FAILED;
    }

    private Object bindVariant(Class<?> sealed, Node node, String path, Object defaultValue) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a mapping with a 'type' (" + variants(sealed) + "), was " + describe(node));
            return FAILED;
        }
        Class<?> chosen = null;
        Node typeNode = null;
        List<NodeTuple> rest = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("type")) {
                typeNode = tuple.getValueNode();
            } else {
                rest.add(tuple);
            }
        }
        if (typeNode == null) {
            chosen = defaultValue == null ? null : defaultValue.getClass();
            if (chosen == null) {
                problem(node, path, "missing 'type': one of " + variants(sealed));
                return FAILED;
            }
        } else {
            String wanted = typeNode instanceof ScalarNode s ? s.getValue().toLowerCase(Locale.ROOT) : "";
            for (Class<?> variant : sealed.getPermittedSubclasses()) {
                if (variant.getSimpleName().toLowerCase(Locale.ROOT).equals(wanted)) {
                    chosen = variant;
                }
            }
            if (chosen == null) {
                problem(typeNode, child(path, "type"), "'" + wanted + "' is not one of: " + variants(sealed));
                return FAILED;
            }
        }
        Object variantDefaults = chosen.isInstance(defaultValue) ? defaultValue : variantDefaults(chosen);
        MappingNode withoutType = new MappingNode(mapping.getTag(), true, rest, mapping.getStartMark(),
                mapping.getEndMark(), mapping.getFlowStyle());
        return bindRecord(chosen, withoutType, path, variantDefaults);
    }

    /** A record's {@code defaults()}, or null when it has none (then every key is required). */
    private static Object staticDefaults(Class<?> type) {
        try {
            Method defaults = type.getMethod("defaults");
            return Modifier.isStatic(defaults.getModifiers()) && defaults.getParameterCount() == 0 ? defaults.invoke(null) : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object variantDefaults(Class<?> variant) {
        try {
            Method defaults = variant.getMethod("defaults");
            if (Modifier.isStatic(defaults.getModifiers())) {
                return defaults.invoke(null);
            }
        } catch (NoSuchMethodException e) {
            // a variant without parameters
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        try {
            return variant.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("variant " + variant + " needs defaults() or a no-arg constructor", e);
        }
    }

    private String keyOf(Node keyNode, String path) {
        if (keyNode instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(keyNode, path, "keys must be plain words, was " + describe(keyNode));
        return null;
    }

    private static Object componentValue(RecordComponent component, Object instance) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(instance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unknownKey(String key, Set<String> known) {
        return DidYouMean.closest(key, known)
                .map(suggestion -> "unknown key '" + key + "'; did you mean '" + suggestion + "'?")
                .orElse("unknown key '" + key + "'; allowed keys: " + String.join(", ", known));
    }

    private static String keysOf(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> SpecNames.snakeCase(c.getName())).collect(Collectors.joining(", "));
    }

    private static String choices(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> SpecNames.of((Enum<?>) c)).collect(Collectors.joining(", "));
    }

    private static String variants(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).map(c -> c.getSimpleName().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> target) {
        if (target == int.class || target == long.class || target == Integer.class || target == Long.class) {
            return "an integer";
        }
        if (target == double.class || target == Double.class) {
            return "a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (target.isEnum()) {
            return "one of: " + choices(target);
        }
        return "a single value";
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.getTag().equals(Tag.NULL) ? "empty" : "'" + scalar.getValue() + "'";
    }
}
