package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lstm4j.api.SplitSpec;

class ChronologicalSplitTest {

    @Test
    void splitsLikePythonIntOfTheProducts() {
        ChronologicalSplit split = ChronologicalSplit.of(629, new SplitSpec(0.8, 0.1, 0.1));

        assertThat(split).isEqualTo(new ChronologicalSplit(503, 565, 629));
        assertThat(split.train()).isEqualTo(new ChronologicalSplit.Part(0, 503));
        assertThat(split.validation()).isEqualTo(new ChronologicalSplit.Part(503, 565));
        assertThat(split.test()).isEqualTo(new ChronologicalSplit.Part(565, 629));
        assertThat(split.test().size()).isEqualTo(64);
    }

    @Test
    void theTestPartTakesTheRowsLeftByRounding() {
        ChronologicalSplit split = ChronologicalSplit.of(10, SplitSpec.defaults()); // 7, 1.5 -> 1, rest 2

        assertThat(split.train()).isEqualTo(new ChronologicalSplit.Part(0, 7));
        assertThat(split.validation()).isEqualTo(new ChronologicalSplit.Part(7, 8));
        assertThat(split.test()).isEqualTo(new ChronologicalSplit.Part(8, 10));
        assertThat(ChronologicalSplit.of(100, SplitSpec.defaults())).isEqualTo(new ChronologicalSplit(70, 85, 100));
    }

    @Test
    void aZeroValidationFractionGivesAnEmptyValidationPart() {
        ChronologicalSplit split = ChronologicalSplit.of(50, new SplitSpec(0.6, 0.0, 0.4));

        assertThat(split.validation().isEmpty()).isTrue();
        assertThat(split.train().isEmpty()).isFalse();
        assertThat(split.test()).isEqualTo(new ChronologicalSplit.Part(30, 50));
    }

    @Test
    void inconsistentBoundariesAreRefused() {
        assertThatThrownBy(() -> new ChronologicalSplit(5, 4, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChronologicalSplit(5, 11, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChronologicalSplit.Part(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
