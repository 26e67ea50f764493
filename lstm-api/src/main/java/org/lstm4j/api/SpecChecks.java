package org.lstm4j.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the {@code jakarta.validation} range annotations of a record's components against values
 * about to be stored, so that Java callers get the same rules as YAML users (whose files are
 * validated by Hibernate Validator, which reports every violation at once).
 *
 * <p>Only the annotations the specs use are understood: {@link NotNull}, {@link Min}, {@link Max},
 * {@link DecimalMin}, {@link DecimalMax}.
 */
public final class SpecChecks {
    private SpecChecks() {}

    /**
     * Throws {@link IllegalArgumentException} naming every component whose value breaks its annotation.
     *
     * @param type   the record type whose components carry the annotations
     * @param values the component values, in declaration order
     */
    public static void require(Class<? extends Record> type, Object... values) {
        RecordComponent[] components = type.getRecordComponents();
        if (components.length != values.length) {
            throw new IllegalStateException(type.getSimpleName() + ": expected " + components.length + " values");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            String problem = check(components[i], values[i]);
            if (problem != null) {
                problems.add(SpecNames.snakeCase(components[i].getName()) + " " + problem + ", was " + values[i]);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(type.getSimpleName() + ": " + String.join("; ", problems));
        }
    }

    /**
     * The constraint annotation {@code type} of a record component. Jakarta's constraints do not target
     * record components, so Java propagates them to the component's field, where they are read.
     */
    public static <A extends java.lang.annotation.Annotation> A constraint(RecordComponent component, Class<A> type) {
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(type);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String check(RecordComponent component, Object value) {
        if (value == null) {
            return (constraint(component, NotNull.class) != null) ? "must not be null" : null;
        }
        if (!(value instanceof Number number)) {
            return null;
        }
        BigDecimal v = new BigDecimal(number.toString());
        Min min = constraint(component, Min.class);
        if (min != null && v.compareTo(BigDecimal.valueOf(min.value())) < 0) {
            return "must be >= " + min.value();
        }
        Max max = constraint(component, Max.class);
        if (max != null && v.compareTo(BigDecimal.valueOf(max.value())) > 0) {
            return "must be <= " + max.value();
        }
        DecimalMin dmin = constraint(component, DecimalMin.class);
        if (dmin != null) {
            int c = v.compareTo(new BigDecimal(dmin.value()));
            if (c < 0 || (c == 0 && !dmin.inclusive())) {
                return "must be " + (dmin.inclusive() ? ">= " : "> ") + dmin.value();
            }
        }
        DecimalMax dmax = constraint(component, DecimalMax.class);
        if (dmax != null) {
            int c = v.compareTo(new BigDecimal(dmax.value()));
            if (c > 0 || (c == 0 && !dmax.inclusive())) {
                return "must be " + (dmax.inclusive() ? "<= " : "< ") + dmax.value();
            }
        }
        return null;
    }
}
