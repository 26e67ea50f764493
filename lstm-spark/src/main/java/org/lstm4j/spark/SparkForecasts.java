package org.lstm4j.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.lstm4j.core.many.ManySummary;
import org.lstm4j.core.many.SeriesRow;

/**
 * The outcome of {@link SparkForecasting#trainEach}: two tables over the same trained series, which are kept
 * (persisted) on the executors so that reading both trains nothing twice. {@link #close()} releases them.
 *
 * <ul>
 *   <li>{@link #forecasts()}: {@code id, time, step, forecast}, the horizon after each trained series' last row, in
 *       its units; {@code time} is extrapolated from the series' time labels as {@code lstm predict} does.</li>
 *   <li>{@link #metrics()}: a row per series with the columns of the local run's {@code metrics.csv}
 *       ({@code series, directory, status, rows, rmse, mae, mase, naive_rmse, naive_mae, skill, epochs, error});
 *       metrics that are not computable (or of a series not trained) are null.</li>
 * </ul>
 */
public final class SparkForecasts implements AutoCloseable {
    private final JavaRDD<SeriesResult> results;
    private final Dataset<Row> forecasts;
    private final Dataset<Row> metrics;

    SparkForecasts(JavaRDD<SeriesResult> results, Dataset<Row> forecasts, Dataset<Row> metrics) {
        this.results = results;
        this.forecasts = forecasts;
        this.metrics = metrics;
    }

    /** The per-series results, one partition (one Spark task) per series. */
    JavaRDD<SeriesResult> results() {
        return results;
    }

    /** The forecasts table, ordered by series id and step. */
    public Dataset<Row> forecasts() {
        return forecasts;
    }

    /** The metrics table, ordered by series id. */
    public Dataset<Row> metrics() {
        return metrics;
    }

    /** The metrics table collected on the driver, as the local run's rows (ordered by series id). */
    public List<SeriesRow> seriesRows() {
        return metrics.collectAsList().stream().map(ResultTables::seriesRow).toList();
    }

    /** The summary the local run prints and writes into {@code metrics.json}: mean and median skill, share beating naive. */
    public ManySummary summary() {
        return ManySummary.of(seriesRows());
    }

    /** Drops the persisted results from the executors; the tables are recomputed (retrained) if read afterwards. */
    @Override
    public void close() {
        results.unpersist(false);
    }
}
