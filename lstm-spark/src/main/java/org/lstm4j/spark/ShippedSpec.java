package org.lstm4j.spark;

import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.core.config.ExperimentLoader;
import org.lstm4j.core.config.SpecWriter;

/**
 * An experiment as it travels to the executors: its YAML text ({@code ExperimentSpec} holds {@code Path}s, which
 * Java serialization cannot carry), bound back to the very same spec on the other side, but for {@code output}
 * (a relative directory comes back absolute), which executors do not use: they write no file.
 *
 * @param yaml the experiment in the DSL's keys ({@link SpecWriter#toYaml})
 */
record ShippedSpec(String yaml) implements Serializable {

    /**
     * The text of {@code spec}.
     *
     * @throws IllegalArgumentException when the text does not bind back to an equal spec, so that no executor ever
     *                                  trains something other than what the driver was given
     */
    static ShippedSpec of(ExperimentSpec spec) {
        ShippedSpec shipped = new ShippedSpec(SpecWriter.toYaml(spec));
        // relative output directories come back absolute; executors write no file, so the output is not compared
        ExperimentSpec back = shipped.spec().withOutput(spec.output());
        if (!back.equals(spec)) {
            throw new IllegalArgumentException("experiment '" + spec.name() + "' does not survive its YAML form, so it "
                    + "cannot be sent to Spark executors; it differs in " + differences(spec, back));
        }
        return shipped;
    }

    private static List<String> differences(ExperimentSpec a, ExperimentSpec b) {
        List<String> names = new ArrayList<>();
        try {
            for (RecordComponent component : ExperimentSpec.class.getRecordComponents()) {
                Object left = component.getAccessor().invoke(a);
                Object right = component.getAccessor().invoke(b);
                if (!Objects.equals(left, right)) {
                    names.add(component.getName() + " (" + left + " became " + right + ")");
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    /** The spec, bound from the text. */
    ExperimentSpec spec() {
        return ExperimentLoader.bind(yaml, "experiment sent to Spark", Path.of("."), "spark").spec();
    }
}
