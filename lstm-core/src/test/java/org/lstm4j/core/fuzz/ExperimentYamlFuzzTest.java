package org.lstm4j.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.ExperimentLoader;

/**
 * The experiment loader on any text: it binds an experiment or throws its documented {@link ConfigException} with
 * at least one problem; never another exception, a hang or unbounded memory (limits on size, nesting and aliases).
 * Files named by the text are not opened ({@code bind} checks no files).
 */
class ExperimentYamlFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void bindsOrReportsProblems(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            assertThat(ExperimentLoader.bind(text, "fuzz.yaml", Path.of("."), "fuzz").spec()).isNotNull();
        } catch (ConfigException expected) {
            assertThat(expected.problems()).isNotEmpty();
        }
    }
}
