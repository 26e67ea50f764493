package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void findsColumnsByName() {
        Series series = new Series(List.of("a", "b"), new double[][] {{1, 2, 3}, {4, 5, 6}}, List.of("x", "y", "z"));

        assertThat(series.length()).isEqualTo(3);
        assertThat(series.columnIndex("b")).isEqualTo(1);
        assertThat(series.column("b")).containsExactly(4, 5, 6);
    }

    @Test
    void anUnknownColumnNamesTheColumnsThatExist() {
        Series series = new Series(List.of("a", "b"), new double[][] {{1}, {2}}, null);

        assertThatThrownBy(() -> series.column("c"))
                .isInstanceOf(DataException.class)
                .hasMessage("no column 'c'; the series has columns [a, b]");
    }

    @Test
    void inconsistentShapesAreRefused() {
        assertThatThrownBy(() -> new Series(List.of("a", "b"), new double[][] {{1, 2}, {3}}, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Series(List.of("a"), new double[][] {{1, 2}}, List.of("only one")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Series(List.of("a", "a"), new double[][] {{1}, {2}}, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
