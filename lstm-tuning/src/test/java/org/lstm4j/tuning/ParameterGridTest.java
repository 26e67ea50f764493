package org.lstm4j.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.TuningSpec;
import org.lstm4j.api.TuningSpec.Strategy;

class ParameterGridTest {

    static Map<String, List<Object>> twoByTwoByTwo() {
        Map<String, List<Object>> parameters = new LinkedHashMap<>();
        parameters.put("model.hidden_size", List.of(32, 64));
        parameters.put("model.num_layers", List.of(1, 2));
        parameters.put("training.optimizer.learning_rate", List.of(0.01, 0.001));
        return parameters;
    }

    private static Map<String, Object> assignment(Object hidden, Object layers, Object rate) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("model.hidden_size", hidden);
        a.put("model.num_layers", layers);
        a.put("training.optimizer.learning_rate", rate);
        return a;
    }

    @Test
    void gridIsTheCartesianProductWithTheLastPathFastest() {
        List<Map<String, Object>> all = new ParameterGrid(twoByTwoByTwo()).all();

        assertThat(all).containsExactly(
                assignment(32, 1, 0.01), assignment(32, 1, 0.001),
                assignment(32, 2, 0.01), assignment(32, 2, 0.001),
                assignment(64, 1, 0.01), assignment(64, 1, 0.001),
                assignment(64, 2, 0.01), assignment(64, 2, 0.001));
        assertThat(all.get(5).keySet()).containsExactly("model.hidden_size", "model.num_layers",
                "training.optimizer.learning_rate");
    }

    @Test
    void theOrderOfThePathsIsKept() {
        Map<String, List<Object>> parameters = new LinkedHashMap<>();
        parameters.put("z.last", List.of("a", "b"));
        parameters.put("a.first", List.of(1, 2, 3));

        ParameterGrid grid = new ParameterGrid(parameters);

        assertThat(grid.names()).containsExactly("z.last", "a.first");
        assertThat(grid.size()).isEqualTo(6);
        assertThat(grid.get(1)).containsExactly(Map.entry("z.last", "a"), Map.entry("a.first", 2));
        assertThat(grid.get(3)).containsExactly(Map.entry("z.last", "b"), Map.entry("a.first", 1));
    }

    @Test
    void noPathsIsOneTrialOfTheExperimentAsWritten() {
        assertThat(new ParameterGrid(Map.of()).all()).containsExactly(Map.of());
    }

    @Test
    void aPathWithoutCandidatesIsRefusedByName() {
        Map<String, List<Object>> parameters = new LinkedHashMap<>();
        parameters.put("model.dropout", List.of());

        assertThatThrownBy(() -> new ParameterGrid(parameters))
                .hasMessage("tuning.parameters.model.dropout has no candidate values");
    }

    @Test
    void randomDrawsDistinctAssignmentsOfTheGrid() {
        ParameterGrid grid = new ParameterGrid(twoByTwoByTwo());

        List<Map<String, Object>> sample = grid.sample(5, 42);

        assertThat(sample).hasSize(5).doesNotHaveDuplicates();
        assertThat(grid.all()).containsAll(sample);
    }

    @Test
    void randomIsDeterministicForASeed() {
        ParameterGrid grid = new ParameterGrid(twoByTwoByTwo());

        assertThat(grid.sample(5, 42)).isEqualTo(grid.sample(5, 42));
        assertThat(grid.sample(5, 1)).isNotEqualTo(grid.sample(5, 2));
    }

    @Test
    void randomWithMoreTrialsThanTheGridIsTheWholeGridInRandomOrder() {
        ParameterGrid grid = new ParameterGrid(twoByTwoByTwo());

        List<Map<String, Object>> sample = grid.sample(20, 7);

        assertThat(sample).hasSize(8);
        assertThat(new HashSet<>(sample)).isEqualTo(new HashSet<>(grid.all()));
    }

    @Test
    void assignmentsFollowTheStrategy() {
        TuningSpec grid = new TuningSpec(Strategy.GRID, twoByTwoByTwo(), 3, "val_rmse", 1);
        TuningSpec random = new TuningSpec(Strategy.RANDOM, twoByTwoByTwo(), 3, "val_rmse", 1);

        assertThat(ParameterGrid.assignments(grid, 42)).hasSize(8);
        assertThat(ParameterGrid.assignments(random, 42)).hasSize(3)
                .isEqualTo(new ParameterGrid(twoByTwoByTwo()).sample(3, 42));
    }
}
