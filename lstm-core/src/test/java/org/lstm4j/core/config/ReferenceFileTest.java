package org.lstm4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SpecNames;
import org.lstm4j.api.TrainingSpec;

/** docs/experiment-reference.yaml stays in step with the specs: it binds, and shows every model and training key's default. */
class ReferenceFileTest {
    private static final Path REFERENCE = Path.of("../docs/experiment-reference.yaml");

    @Test
    void theTrainingSectionListsEveryKeyWithItsDefault() throws IOException {
        String text = Files.readString(REFERENCE);
        TrainingSpec training = ExperimentLoader.bind(text, REFERENCE.toString(), REFERENCE.getParent(), "reference")
                .spec().training();
        assertThat(training).isEqualTo(TrainingSpec.defaults());
        String section = text.substring(text.indexOf("\ntraining:"), text.indexOf("\nevaluation:"));
        listsEveryComponent(section, "training", TrainingSpec.class);
    }

    @Test
    void theModelSectionListsEveryKeyWithItsDefault() throws IOException {
        String text = Files.readString(REFERENCE);
        ModelSpec model = ExperimentLoader.bind(text, REFERENCE.toString(), REFERENCE.getParent(), "reference")
                .spec().model();
        assertThat(model).isEqualTo(ModelSpec.defaults());
        listsEveryComponent(text.substring(text.indexOf("\nmodel:"), text.indexOf("\ntraining:")), "model", ModelSpec.class);
    }

    private static void listsEveryComponent(String section, String prefix, Class<? extends Record> spec) {
        for (RecordComponent component : spec.getRecordComponents()) {
            assertThat(section).as("%s.%s in %s", prefix, SpecNames.snakeCase(component.getName()), REFERENCE)
                    .contains("\n  " + SpecNames.snakeCase(component.getName()) + ":");
        }
    }
}
