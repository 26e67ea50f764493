package org.lstm4j.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.core.PreparedData;
import org.lstm4j.core.RunChecks;
import org.lstm4j.core.remote.ShippedSpec;
import org.lstm4j.core.many.SeriesDirectories;
import scala.Tuple2;

/**
 * Many-series training on Apache Spark: one model per series of a long-format table, one Spark task per series,
 * each doing what the local many-series run ({@code lstm train} with {@code data.series_column}) does for that series,
 * with the same seeds, so the metrics are the local run's.
 *
 * <pre>{@code
 * Dataset<Row> sales = spark.read().option("header", true).option("inferSchema", true).csv("sales.csv");
 * ExperimentSpec spec = ExperimentLoader.load(Path.of("many.yaml")).spec();
 * try (SparkForecasts out = SparkForecasting.trainEach(sales, spec)) {
 *     out.forecasts().write().parquet("forecasts");
 *     out.metrics().write().parquet("metrics");
 * }
 * }</pre>
 *
 * <p>The table holds the spec's series column ({@code data.series_column}), its time column
 * ({@code data.source.csv}'s {@code time_column}, which orders each series' rows) and the columns the experiment
 * reads. Each executor loads the backend through {@code ServiceLoader}, so the application's class path needs
 * {@code lstm-dl4j} and one platform's ND4J natives; each series trains on one compute thread
 * ({@code training.threads: 1}), so give executors {@code OMP_NUM_THREADS} equal to {@code spark.task.cpus}.
 */
public final class SparkForecasting {
    private SparkForecasting() {}

    /**
     * Trains and evaluates one model per series of {@code longFormat}, and forecasts the horizon after each series'
     * last row. Training runs before this returns; the results stay persisted until the returned value is closed.
     *
     * @throws IllegalArgumentException naming the setting or column when the spec has no series or time column, or
     *                                  the table lacks a column, holds no rows, or a row has no series id
     * @throws org.lstm4j.core.config.ConfigException when the spec asks for something a run cannot do
     */
    public static SparkForecasts trainEach(Dataset<Row> longFormat, ExperimentSpec spec) {
        DataSpec data = spec.data();
        String seriesColumn = data.seriesColumn();
        if (seriesColumn == null) {
            throw new IllegalArgumentException("data.series_column: the experiment names no series column; "
                    + "trainEach trains one model per value of it");
        }
        RunChecks.require(spec);
        String timeColumn = timeColumn(data);
        List<String> used = List.copyOf(new LinkedHashSet<>(PreparedData.usedColumns(data)));
        List<String> wanted = new ArrayList<>(List.of(seriesColumn, timeColumn));
        wanted.addAll(used);
        List<String> present = List.of(longFormat.columns());
        for (String column : wanted) {
            if (!present.contains(column)) {
                throw new IllegalArgumentException("the table has no column '" + column + "' (it has " + present + ")");
            }
        }
        Dataset<Row> selected = longFormat.select(new LinkedHashSet<>(wanted).stream().map(functions::col).toArray(Column[]::new));

        List<String> ids = seriesIds(selected, seriesColumn);
        HashMap<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        Map<String, String> directories = SeriesDirectories.of(ids);
        SeriesTrainer trainer = new SeriesTrainer(ShippedSpec.of(spec), seriesColumn, new SeriesRowsOfSpark(timeColumn, used),
                directories);
        JavaRDD<SeriesResult> results = selected.toJavaRDD()
                .mapToPair(row -> new Tuple2<>(index.get(row.get(0).toString()), row))
                .partitionBy(new OnePartitionPerSeries(ids.size()))
                .mapPartitions(trainer)
                .persist(StorageLevel.MEMORY_AND_DISK());
        results.count();

        SparkSession session = longFormat.sparkSession();
        Dataset<Row> metrics = session.createDataFrame(results.map(r -> ResultTables.metricsRow(r.row())), ResultTables.METRICS)
                .orderBy("series");
        Dataset<Row> forecasts = session.createDataFrame(results.flatMap(r -> ResultTables.forecastRows(r).iterator()),
                ResultTables.FORECASTS).orderBy("id", "step");
        return new SparkForecasts(results, forecasts, metrics);
    }

    private static String timeColumn(DataSpec data) {
        if (data.source() instanceof SourceSpec.Csv csv && csv.timeColumn() != null) {
            return csv.timeColumn();
        }
        throw new IllegalArgumentException("data.source.csv.time_column: the experiment names no time column; "
                + "on Spark it orders each series' rows, so it is required");
    }

    /** The distinct series ids, sorted. */
    private static List<String> seriesIds(Dataset<Row> selected, String seriesColumn) {
        List<String> ids = new ArrayList<>();
        for (Row row : selected.select(seriesColumn).distinct().collectAsList()) {
            if (row.isNullAt(0)) {
                throw new IllegalArgumentException("a row has no value in the series column '" + seriesColumn + "'");
            }
            ids.add(row.get(0).toString());
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("the table holds no rows");
        }
        ids.sort(null);
        return ids;
    }
}
