package org.lstm4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigProblemOrderTest {
    private static ConfigProblem at(String file, int line, int column) {
        return new ConfigProblem(file, line, column, "", file + ":" + line + ":" + column);
    }

    @Test
    void sortsByLineThenColumnWithinEachFileInTheOrderTheFilesAppear() {
        List<ConfigProblem> found = List.of(at("a.yaml", 9, 1), at("data.csv", 3, 2), at("a.yaml", 2, 7), at("a.yaml", 0, 0),
                at("a.yaml", 2, 3), at("data.csv", 1, 1));

        assertThat(ConfigProblem.inDocumentOrder(found)).containsExactly(at("a.yaml", 0, 0), at("a.yaml", 2, 3),
                at("a.yaml", 2, 7), at("a.yaml", 9, 1), at("data.csv", 1, 1), at("data.csv", 3, 2));
    }

    @Test
    void theExceptionsProblemsAndMessageAreInDocumentOrder() {
        ConfigException e = new ConfigException(List.of(at("a.yaml", 5, 1), at("a.yaml", 1, 4)));

        assertThat(e.problems()).containsExactly(at("a.yaml", 1, 4), at("a.yaml", 5, 1));
        assertThat(e.getMessage()).isEqualTo("a.yaml:1:4: a.yaml:1:4" + System.lineSeparator() + "a.yaml:5:1: a.yaml:5:1");
    }
}
