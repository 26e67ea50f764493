package org.lstm4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every spec reachable from {@link ExperimentSpec}, sealed variants included, starts from {@code defaults()} (or a
 * named factory) and has a {@code withX} per component that changes that component and nothing else. A spec or
 * component added without them fails here.
 */
class SpecWithersTest {
    /** Specs that have no sensible defaults, with the named factory that builds them instead. */
    private static final Map<Class<?>, Supplier<Object>> NAMED_FACTORIES = Map.of(
            SourceSpec.Csv.class, () -> SourceSpec.Csv.of(java.nio.file.Path.of("series.csv")));
    /** Value types among the components: not specs, built by their own factories ({@code BatchSize.of(64)}). */
    private static final Set<Class<?>> VALUE_TYPES = Set.of(BatchSize.class);
    /** Components with no withX on purpose: the DSL version has a single valid value. */
    private static final Set<String> WITHOUT_WITHER = Set.of("ExperimentSpec.version");
    /** Components whose withX moves another component too, by a documented rule (the fractions sum to 1). */
    private static final Set<Class<?>> WITHERS_MOVE_OTHERS = Set.of(SplitSpec.class);
    /** Another valid value, where the type alone does not tell one. */
    private static final Map<String, Object> OTHER_VALUES = Map.of(
            "Csv.delimiter", ";",
            "ScalerSpec.range", List.of(-1.0, 1.0),
            "TuningSpec.parameters", Map.of("model.hidden_size", List.of(16, 32)),
            "EvaluationSpec.baselines", List.of(EvaluationSpec.Baseline.NAIVE),
            "DataSpec.features", List.of("load"),
            "DataSpec.split", new SplitSpec(0.8, 0.1, 0.1));

    @Test
    void theWalkFindsTheSpecsAndTheirSealedVariants() {
        assertThat(specs()).contains(ExperimentSpec.class, DataSpec.class, TrainingSpec.class, SchedulerSpec.Plateau.class,
                SchedulerSpec.Cosine.class, GradientClippingSpec.Norm.class, SourceSpec.Synthetic.class, SourceSpec.Csv.class,
                EvaluationSpec.BacktestSpec.class, SplitSpec.class, OptimizerSpec.class);
    }

    @TestFactory
    Stream<DynamicTest> everySpecWithComponentsHasDefaultsOrANamedFactory() {
        return specs().stream().filter(type -> type.getRecordComponents().length > 0)
                .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> assertThat(sample(type))
                        .as(type.getName() + ": defaults() or an entry in NAMED_FACTORIES").isNotNull()));
    }

    @TestFactory
    Stream<DynamicTest> everyWitherChangesExactlyItsComponent() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> type : specs()) {
            for (RecordComponent component : type.getRecordComponents()) {
                String name = key(component);
                if (!WITHOUT_WITHER.contains(name)) {
                    tests.add(DynamicTest.dynamicTest(name, () -> checkWither(type, component)));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void aWitherStillRejectsAnInvalidValueNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchedulerSpec.Plateau.defaults().withFactor(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("factor").hasMessageContaining("1.5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OptimizerSpec.defaults().withBeta2(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta2");
    }

    @Test
    void theNamedStyleReadsAsWhatItDoes() {
        SchedulerSpec.Plateau plateau = SchedulerSpec.Plateau.defaults().withFactor(0.5).withPatience(2);

        assertThat(plateau).isEqualTo(new SchedulerSpec.Plateau(0.5, 2, 1e-4, SchedulerSpec.ThresholdMode.REL, 0, 0.0, 1e-8, 0));
    }

    private static void checkWither(Class<?> type, RecordComponent component) throws ReflectiveOperationException {
        Object original = sample(type);
        String witherName = "with" + Character.toUpperCase(component.getName().charAt(0)) + component.getName().substring(1);
        Method wither;
        try {
            wither = type.getMethod(witherName, component.getType());
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type.getSimpleName() + " has no " + witherName + "(" + component.getType().getSimpleName() + ")");
        }
        assertThat(wither.getReturnType()).as(witherName + " returns the spec").isEqualTo(type);
        Object value = otherValue(component, component.getAccessor().invoke(original));
        Object changed = wither.invoke(original, value);

        assertThat(component.getAccessor().invoke(changed)).as(key(component)).isEqualTo(value);
        if (WITHERS_MOVE_OTHERS.contains(type)) {
            return;
        }
        for (RecordComponent other : type.getRecordComponents()) {
            if (!other.getName().equals(component.getName())) {
                assertThat(other.getAccessor().invoke(changed)).as(witherName + " keeps " + other.getName())
                        .isEqualTo(other.getAccessor().invoke(original));
            }
        }
    }

    /** The spec records reachable from ExperimentSpec through components and sealed permitted subclasses. */
    private static Set<Class<?>> specs() {
        Set<Class<?>> found = new LinkedHashSet<>();
        walk(ExperimentSpec.class, found);
        return found;
    }

    private static void walk(Class<?> type, Set<Class<?>> found) {
        if (!type.getPackageName().equals(ExperimentSpec.class.getPackageName()) || VALUE_TYPES.contains(type)) {
            return;
        }
        if (type.isSealed()) {
            for (Class<?> variant : type.getPermittedSubclasses()) {
                walk(variant, found);
            }
        } else if (type.isRecord() && found.add(type)) {
            for (RecordComponent component : type.getRecordComponents()) {
                walk(component.getType(), found);
            }
        }
    }

    private static Object sample(Class<?> type) {
        if (NAMED_FACTORIES.containsKey(type)) {
            return NAMED_FACTORIES.get(type).get();
        }
        try {
            if (type.getRecordComponents().length == 0) {
                return type.getDeclaredConstructor().newInstance();
            }
            Method defaults = type.getMethod("defaults");
            return Modifier.isStatic(defaults.getModifiers()) ? defaults.invoke(null) : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid value of the component other than {@code current}. */
    private static Object otherValue(RecordComponent component, Object current) throws ReflectiveOperationException {
        if (OTHER_VALUES.containsKey(key(component))) {
            return OTHER_VALUES.get(key(component));
        }
        Class<?> type = component.getType();
        if (type == boolean.class) {
            return !(Boolean) current;
        }
        if (type == int.class) {
            jakarta.validation.constraints.Max max = SpecChecks.constraint(component, jakarta.validation.constraints.Max.class);
            int next = (Integer) current + 1;
            return max != null && next > max.value() ? (Integer) current - 1 : next;
        }
        if (type == long.class) {
            return (Long) current + 1;
        }
        if (type == double.class) {
            double value = (Double) current;
            return value == 0 ? 0.5 : value / 2;
        }
        if (type == String.class) {
            return current == null ? "time" : current + "_2";
        }
        if (type == java.nio.file.Path.class) {
            return ((java.nio.file.Path) current).resolve("other");
        }
        if (type.isEnum()) {
            // an enum of one constant (SyntheticFunction) has no other value: its wither must then keep everything
            return Stream.<Object>of(type.getEnumConstants()).filter(constant -> constant != current).findFirst().orElse(current);
        }
        if (type.isSealed()) {
            return Stream.of(type.getPermittedSubclasses()).filter(variant -> current == null || variant != current.getClass())
                    .map(SpecWithersTest::sample).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        }
        if (type.isRecord()) {
            return withFirstComponentChanged(current);
        }
        return fail("no other value known for " + key(component) + ": add one to OTHER_VALUES");
    }

    /** {@code spec} with its first component replaced, built through the canonical constructor. */
    private static Object withFirstComponentChanged(Object spec) throws ReflectiveOperationException {
        RecordComponent[] components = spec.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(spec);
            types[i] = components[i].getType();
        }
        values[0] = otherValue(components[0], values[0]);
        return spec.getClass().getDeclaredConstructor(types).newInstance(values);
    }

    private static String key(RecordComponent component) {
        return component.getDeclaringRecord().getSimpleName() + "." + component.getName();
    }
}
