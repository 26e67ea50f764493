package org.lstm4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.ConfigProblem;

class ExperimentsTest {
    @TempDir
    Path dir;

    private static final String SUNSPOTS = """
            data:
              source: {csv: data/sunspots.csv, time_column: YEAR}
              target: SUNACTIVITY
            model: {hidden_size: 8}
            """;

    private Path sunspotsCsvIn(Path folder) throws IOException {
        Path csv = folder.resolve("data/sunspots.csv");
        Files.createDirectories(csv.getParent());
        try (var in = getClass().getResourceAsStream("/sunspots.csv")) {
            Files.copy(Objects.requireNonNull(in), csv);
        }
        return csv;
    }

    @Test
    void loadResolvesTheCsvAgainstTheFilesDirectoryAndNamesTheExperimentAfterIt() throws IOException {
        Path experiments = Files.createDirectories(dir.resolve("experiments"));
        Path csv = sunspotsCsvIn(experiments);
        Path file = Files.writeString(experiments.resolve("sunspots.yaml"), SUNSPOTS);

        ExperimentSpec spec = Experiments.load(file);

        assertThat(((SourceSpec.Csv) spec.data().source()).csv()).isEqualTo(csv.toAbsolutePath());
        assertThat(spec.name()).isEqualTo("sunspots");
        assertThat(spec.model().hiddenSize()).isEqualTo(8);
    }

    @Test
    void fromYamlResolvesTheCsvAgainstTheWorkingDirectory() {
        ExperimentSpec spec = Experiments.fromYaml("""
                data:
                  source: {csv: src/test/resources/sunspots.csv}
                  target: SUNACTIVITY
                """);

        Path csv = ((SourceSpec.Csv) spec.data().source()).csv();
        assertThat(csv).isEqualTo(Path.of("src/test/resources/sunspots.csv").toAbsolutePath());
        assertThat(spec.name()).isEqualTo(ExperimentSpec.defaults().name());
    }

    @Test
    void fromYamlReportsEveryProblemSortedByLineNamingTheString() {
        ConfigException e = catchThrowableOfType(() -> Experiments.fromYaml("""
                data:
                  source: {csv: src/test/resources/sunspots.csv}
                  target: NO_SUCH_COLUMN
                  window: 0
                model:
                  hidden_size: 0
                """), ConfigException.class);

        assertThat(e.problems()).extracting(ConfigProblem::line).containsExactly(3, 4, 6);
        assertThat(e.problems()).extracting(ConfigProblem::file).containsOnly(Experiments.STRING_SOURCE);
        assertThat(e.getMessage()).contains("<yaml>:3:").contains("NO_SUCH_COLUMN");
    }

    @Test
    void aMissingFileIsAConfigExceptionNamingIt() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> Experiments.load(missing)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
    }

    @Test
    void aMissingCsvIsReported() {
        assertThatThrownBy(() -> Experiments.fromYaml("data: {source: {csv: no/such.csv}, target: x}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no/such.csv");
    }
}
