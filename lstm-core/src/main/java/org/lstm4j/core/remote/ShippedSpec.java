package org.lstm4j.core.remote;

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
 * An experiment as it travels to another process (a Spark executor): its YAML text ({@code ExperimentSpec} holds
 * {@code Path}s, which Java serialization cannot carry) and its output directory as the driver gave it, bound back
 * to the very same spec on the other side, so that what a remote run writes ({@code experiment.yaml}) is what the
 * local run writes.
 *
 * @param yaml      the experiment in the DSL's keys ({@link SpecWriter#toYaml})
 * @param outputDir {@code output.dir} exactly as the driver's spec holds it (the YAML form would bind a relative
 *                  directory against the remote process' working directory)
 */
public record ShippedSpec(String yaml, String outputDir) implements Serializable {
    public ShippedSpec {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(outputDir, "outputDir");
    }

    /**
     * The text of {@code spec}.
     *
     * @throws IllegalArgumentException when the text does not bind back to an equal spec, so that no remote process
     *                                  ever trains something other than what the driver was given
     */
    public static ShippedSpec of(ExperimentSpec spec) {
        ShippedSpec shipped = new ShippedSpec(SpecWriter.toYaml(spec), spec.output().dir().toString());
        ExperimentSpec back = shipped.spec();
        // a search's values may come back as other number types (3 as a Long): its text is what must survive; the
        // trials' assignments travel as the values themselves
        boolean same = back.withTuning(spec.tuning()).equals(spec) && SpecWriter.toYaml(back).equals(shipped.yaml());
        if (!same) {
            throw new IllegalArgumentException("experiment '" + spec.name() + "' does not survive its YAML form, so it "
                    + "cannot be sent to another process; it differs in " + differences(spec, back));
        }
        return shipped;
    }

    /** The spec, bound from the text. */
    public ExperimentSpec spec() {
        ExperimentSpec spec = ExperimentLoader.bind(yaml, "experiment sent to a remote process", Path.of("."), "remote").spec();
        return spec.withOutput(spec.output().withDir(Path.of(outputDir)));
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
}
