package org.lstm4j.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.lstm4j.core.many.SeriesRow;

/**
 * What one Spark task sends back for its series: its {@code metrics.csv} row and, when trained, its forecast of the
 * steps after its last row.
 *
 * @param row    the series' row
 * @param labels the time labels of the forecast steps; empty when not trained
 * @param values the forecast of each step; empty when not trained
 * @param ranIn  where the task ran: the Spark executor id ({@code driver} in local mode) and the process id
 */
record SeriesResult(SeriesRow row, List<String> labels, double[] values, String ranIn) implements Serializable {
    SeriesResult {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(ranIn, "ranIn");
        labels = List.copyOf(labels);
        if (labels.size() != values.length) {
            throw new IllegalArgumentException(labels.size() + " labels for " + values.length + " forecast steps");
        }
    }
}
