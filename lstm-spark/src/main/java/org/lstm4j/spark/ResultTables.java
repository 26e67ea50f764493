package org.lstm4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.lstm4j.core.many.MetricsCsv;
import org.lstm4j.core.many.SeriesRow;
import org.lstm4j.core.many.SeriesStatus;

/** The two tables of a Spark many-series run, their schemas and their rows. */
final class ResultTables {
    /** The metrics table: the columns of the local run's {@code metrics.csv}, in its order. */
    static final StructType METRICS = new StructType()
            .add("series", DataTypes.StringType, false)
            .add("directory", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("rows", DataTypes.IntegerType, false)
            .add("rmse", DataTypes.DoubleType, true)
            .add("mae", DataTypes.DoubleType, true)
            .add("mase", DataTypes.DoubleType, true)
            .add("naive_rmse", DataTypes.DoubleType, true)
            .add("naive_mae", DataTypes.DoubleType, true)
            .add("skill", DataTypes.DoubleType, true)
            .add("epochs", DataTypes.IntegerType, false)
            .add("error", DataTypes.StringType, false);

    /** The forecasts table: a row per series and step after its last row. */
    static final StructType FORECASTS = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("time", DataTypes.StringType, false)
            .add("step", DataTypes.IntegerType, false)
            .add("forecast", DataTypes.DoubleType, false);

    static {
        if (!List.of(METRICS.fieldNames()).equals(MetricsCsv.COLUMNS)) {
            throw new IllegalStateException("the metrics table's columns drifted from metrics.csv's: " + MetricsCsv.COLUMNS);
        }
    }

    private ResultTables() {}

    /** A series' metrics row; {@code NaN} metrics are null, as {@code metrics.csv} leaves them empty. */
    static Row metricsRow(SeriesRow row) {
        return RowFactory.create(row.id(), row.directory(), row.status().name().toLowerCase(Locale.ROOT), row.rows(),
                nullable(row.rmse()), nullable(row.mae()), nullable(row.mase()), nullable(row.naiveRmse()),
                nullable(row.naiveMae()), nullable(row.skill()), row.epochs(), row.error());
    }

    /** The {@link SeriesRow} of a row of the metrics table. */
    static SeriesRow seriesRow(Row row) {
        return new SeriesRow(row.getString(0), row.getString(1), SeriesStatus.valueOf(row.getString(2).toUpperCase(Locale.ROOT)),
                row.getInt(3), decimal(row, 4), decimal(row, 5), decimal(row, 6), decimal(row, 7), decimal(row, 8),
                decimal(row, 9), row.getInt(10), row.getString(11));
    }

    /** A series' forecast rows, step 1 first. */
    static List<Row> forecastRows(SeriesResult result) {
        List<Row> rows = new ArrayList<>(result.values().length);
        for (int step = 0; step < result.values().length; step++) {
            rows.add(RowFactory.create(result.row().id(), result.labels().get(step), step + 1, result.values()[step]));
        }
        return rows;
    }

    private static Double nullable(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static double decimal(Row row, int index) {
        return row.isNullAt(index) ? Double.NaN : row.getDouble(index);
    }
}
