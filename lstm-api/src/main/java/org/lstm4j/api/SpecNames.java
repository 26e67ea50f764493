package org.lstm4j.api;

import java.util.Locale;

/** The one naming rule between Java and the YAML DSL: {@code hiddenSize} is {@code hidden_size}, {@code ADAM} is {@code adam}. */
public final class SpecNames {
    private SpecNames() {}

    /** {@code learningRate} becomes {@code learning_rate}. */
    public static String snakeCase(String camelCase) {
        StringBuilder out = new StringBuilder(camelCase.length() + 4);
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The DSL spelling of an enum constant: {@code VAL_LOSS} becomes {@code val_loss}. */
    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
