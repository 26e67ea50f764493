package org.lstm4j.core.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.RecordComponent;
import org.lstm4j.api.SpecChecks;

/** Describes the allowed range of a record component from its constraint annotations. */
final class Ranges {
    private Ranges() {}

    /** {@code "[1, 4096]"} or {@code "(0, inf)"}, or an empty string when the component has no range. */
    static String describe(RecordComponent component) {
        String low = null;
        String high = null;
        boolean lowInclusive = true;
        boolean highInclusive = true;
        if (SpecChecks.constraint(component, Min.class) != null) {
            low = Long.toString(SpecChecks.constraint(component, Min.class).value());
        }
        if (SpecChecks.constraint(component, DecimalMin.class) != null) {
            low = SpecChecks.constraint(component, DecimalMin.class).value();
            lowInclusive = SpecChecks.constraint(component, DecimalMin.class).inclusive();
        }
        if (SpecChecks.constraint(component, Max.class) != null) {
            high = Long.toString(SpecChecks.constraint(component, Max.class).value());
        }
        if (SpecChecks.constraint(component, DecimalMax.class) != null) {
            high = SpecChecks.constraint(component, DecimalMax.class).value();
            highInclusive = SpecChecks.constraint(component, DecimalMax.class).inclusive();
        }
        if (low == null && high == null) {
            return "";
        }
        String range = (low == null ? "(-inf" : (lowInclusive ? "[" : "(") + low) + ", "
                + (high == null ? "inf)" : high + (highInclusive ? "]" : ")"));
        return range;
    }
}
