package org.lstm4j.core.config;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.lang.annotation.Annotation;
import java.util.Locale;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Hibernate Validator's {@link ParameterMessageInterpolator} (which needs no Expression Language implementation on
 * the class path) without its warning {@code HV000185}: the default messages of {@link DecimalMin} and
 * {@link DecimalMax} hold an EL expression ({@code ${inclusive == true ? 'or equal to ' : ''}}) that it cannot
 * evaluate and warns about on every violation. Those two default messages are worded here instead, as
 * {@link org.lstm4j.api.SpecChecks} words them ({@code must be > 0}); every other message goes to
 * {@link ParameterMessageInterpolator}.
 */
final class SpecMessageInterpolator implements MessageInterpolator {
    private final MessageInterpolator parameters = new ParameterMessageInterpolator();

    @Override
    public String interpolate(String template, Context context) {
        String bound = bound(template, context.getConstraintDescriptor().getAnnotation());
        return bound != null ? bound : parameters.interpolate(template, context);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        String bound = bound(template, context.getConstraintDescriptor().getAnnotation());
        return bound != null ? bound : parameters.interpolate(template, context, locale);
    }

    /** The message of a DecimalMin or DecimalMax that keeps its default message; null for any other. */
    private static String bound(String template, Annotation constraint) {
        if (constraint instanceof DecimalMin min && template.equals("{jakarta.validation.constraints.DecimalMin.message}")) {
            return "must be " + (min.inclusive() ? ">= " : "> ") + min.value();
        }
        if (constraint instanceof DecimalMax max && template.equals("{jakarta.validation.constraints.DecimalMax.message}")) {
            return "must be " + (max.inclusive() ? "<= " : "< ") + max.value();
        }
        return null;
    }
}
