package org.lstm4j.core.many;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished many-series run.
 *
 * @param directory the run directory written
 * @param rows      a row per series, in the file's order
 * @param summary   the overall numbers of {@code rows}
 * @param resumed   series taken from the unfinished run's {@code series/} instead of trained again
 */
public record ManySeriesRun(Path directory, List<SeriesRow> rows, ManySummary summary, int resumed) {
    public ManySeriesRun {
        rows = List.copyOf(rows);
    }
}
