package org.lstm4j.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.lstm4j.tuning.Rates.assertRates;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Closed forms by hand: cosine eta_min + (base - eta_min)(1 + cos(pi t / T))/2, step base gamma^(t div s), t = epoch - 1. */
class SchedulesTest {
    private static final double C1 = (1 + Math.sqrt(0.5)) / 2;   // (1 + cos(pi/4)) / 2
    private static final double C3 = (1 - Math.sqrt(0.5)) / 2;   // (1 + cos(3pi/4)) / 2

    private static double[] v(double... values) {
        return values;
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // name, schedule, rates of epochs 1..n
                arguments("cosine t_max 4: base to eta_min over 4 epochs, then back up (closed form)",
                        new CosineAnnealing(1.0, 4, 0.0), v(1, C1, 0.5, C3, 0, C3, 0.5, C1, 1, C1)),
                arguments("cosine with eta_min", new CosineAnnealing(1.1, 2, 0.1), v(1.1, 0.6, 0.1, 0.6, 1.1)),
                arguments("cosine t_max 1", new CosineAnnealing(2.0, 1, 0.5), v(2, 0.5, 2, 0.5)),
                arguments("step 2, gamma 0.5", new StepDecay(1.0, 2, 0.5), v(1, 1, 0.5, 0.5, 0.25, 0.25, 0.125)),
                arguments("step 1, gamma 0.1", new StepDecay(0.1, 1, 0.1), v(0.1, 0.01, 0.001)),
                arguments("warm-up 3 then cosine", new CosineAnnealing(0.3, 2, 0.0).afterWarmUp(0.3, 3),
                        v(0.1, 0.2, 0.3, 0.3, 0.15, 0, 0.15, 0.3)),
                arguments("warm-up 2 then step", new StepDecay(1.0, 1, 0.5).afterWarmUp(1.0, 2), v(0.5, 1, 1, 0.5, 0.25)),
                arguments("warm-up 0 is no warm-up", new StepDecay(1.0, 1, 0.5).afterWarmUp(1.0, 0), v(1, 0.5, 0.25)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void ratesByEpoch(String name, LearningRateSchedule schedule, double[] expected) {
        List<Double> rates = new ArrayList<>();
        for (int epoch = 1; epoch <= expected.length; epoch++) {
            rates.add(schedule.learningRate(epoch));
        }
        assertRates(rates, expected);
    }

    @Test
    void stepLrDocumentationExample() {
        // PyTorch's docstring: lr = 0.05 if epoch < 30, 0.005 if 30 <= epoch < 60, ... (0-based epochs)
        StepDecay step = new StepDecay(0.05, 30, 0.1);
        assertThat(step.learningRate(1)).isEqualTo(0.05);
        assertThat(step.learningRate(30)).isEqualTo(0.05);
        assertThat(step.learningRate(31)).isCloseTo(0.005, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(step.learningRate(61)).isCloseTo(0.0005, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void epochOneIsTheBaseRate() {
        assertThat(new CosineAnnealing(0.01, 50, 0.001).learningRate(1)).isEqualTo(0.01);
        assertThat(new StepDecay(0.01, 5, 0.5).learningRate(1)).isEqualTo(0.01);
    }

    @Test
    void epochsAreOneBased() {
        assertThatThrownBy(() -> new CosineAnnealing(1, 2, 0).learningRate(0)).hasMessageContaining("epoch must be >= 1");
    }

    @Test
    void rangesAreCheckedWithTheFieldName() {
        assertThatThrownBy(() -> new CosineAnnealing(1, 0, 0)).hasMessageContaining("t_max must be >= 1, was 0");
        assertThatThrownBy(() -> new StepDecay(1, 0, 0.1)).hasMessageContaining("step_size must be >= 1, was 0");
        assertThatThrownBy(() -> new StepDecay(1, 1, 0)).hasMessageContaining("gamma must be > 0");
        assertThatThrownBy(() -> new LinearWarmUp(1, 0, e -> 1)).hasMessageContaining("warmup_epochs must be >= 1");
    }
}
