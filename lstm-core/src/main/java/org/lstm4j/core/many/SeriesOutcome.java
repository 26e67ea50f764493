package org.lstm4j.core.many;

import java.util.Objects;
import org.lstm4j.core.ExperimentResult;

/**
 * What {@link SeriesTask} made of one series: its {@code metrics.csv} row and, when trained, the run (model,
 * forecasts, metrics) to write to {@code series/<dir>/}. The caller owns the model and closes it.
 *
 * @param row    the series' row
 * @param result the trained run, or {@code null} when skipped or failed
 */
public record SeriesOutcome(SeriesRow row, ExperimentResult result) {
    public SeriesOutcome {
        Objects.requireNonNull(row, "row");
        if ((row.status() == SeriesStatus.TRAINED) != (result != null)) {
            throw new IllegalArgumentException("a trained series has a result, and only a trained one");
        }
    }
}
