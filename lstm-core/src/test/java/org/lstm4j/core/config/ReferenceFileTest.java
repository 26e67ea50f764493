package org.lstm4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.SpecNames;
import org.lstm4j.api.TrainingSpec;

/** docs/experiment-reference.yaml stays in step with the specs: it binds, and shows every training key's default. */
class ReferenceFileTest {
    private static final Path REFERENCE = Path.of("../docs/experiment-reference.yaml");

    @Test
    void theTrainingSectionListsEveryKeyWithItsDefault() throws IOException {
        String text = Files.readString(REFERENCE);
        TrainingSpec training = ExperimentLoader.bind(text, REFERENCE.toString(), REFERENCE.getParent(), "reference")
                .spec().training();
        assertThat(training).isEqualTo(TrainingSpec.defaults());
        String section = text.substring(text.indexOf("\ntraining:"), text.indexOf("\nevaluation:"));
        for (RecordComponent component : TrainingSpec.class.getRecordComponents()) {
            assertThat(section).as("training.%s in %s", SpecNames.snakeCase(component.getName()), REFERENCE)
                    .contains("\n  " + SpecNames.snakeCase(component.getName()) + ":");
        }
    }
}
