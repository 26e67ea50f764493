package org.lstm4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SpecNames;
import org.lstm4j.api.TrainingSpec;

/** docs/experiment-reference.yaml stays in step with the specs: it binds, and shows every model and training key's default. */
class ReferenceFileTest {
    private static final Path REFERENCE = Path.of("../docs/experiment-reference.yaml");

    @Test
    void theTrainingSectionListsEveryKeyWithItsDefault() throws IOException {
        assertThat(bound().training()).isEqualTo(TrainingSpec.defaults());
        listsEveryComponent("training", "evaluation", TrainingSpec.class);
    }

    @Test
    void theModelSectionListsEveryKeyWithItsDefault() throws IOException {
        assertThat(bound().model()).isEqualTo(ModelSpec.defaults());
        listsEveryComponent("model", "training", ModelSpec.class);
    }

    private static ExperimentSpec bound() throws IOException {
        return ExperimentLoader.bind(Files.readString(REFERENCE), REFERENCE.toString(), REFERENCE.getParent(), "reference")
                .spec();
    }

    /** The top-level section {@code key} (up to section {@code next}) has a line for every component of {@code spec}. */
    private static void listsEveryComponent(String key, String next, Class<? extends Record> spec) throws IOException {
        String text = Files.readString(REFERENCE);
        String section = text.substring(text.indexOf("\n" + key + ":"), text.indexOf("\n" + next + ":"));
        for (RecordComponent component : spec.getRecordComponents()) {
            assertThat(section).as("%s.%s in %s", key, SpecNames.snakeCase(component.getName()), REFERENCE)
                    .contains("\n  " + SpecNames.snakeCase(component.getName()) + ":");
        }
    }
}
