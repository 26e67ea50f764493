package org.lstm4j.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.lstm4j.data.LongFormatSeries;
import org.lstm4j.data.Series;

/**
 * Rebuilds one series of a long-format {@code Dataset<Row>} from its rows, as {@code CsvSeriesReader.readLong} builds
 * it from a file: the rows ordered by the time column, the used columns as doubles ({@code NaN} where a cell is null
 * or blank), the time column's values as the time labels.
 *
 * @param timeColumn the column that orders the rows (any type whose values are {@link Comparable})
 * @param columns    the columns the experiment reads, in {@code PreparedData.usedColumns} order
 */
record SeriesRowsOfSpark(String timeColumn, List<String> columns) implements Serializable {
    /** What a series rebuilt from a Dataset names as its file in messages. */
    static final Path SOURCE = Path.of("Dataset");

    SeriesRowsOfSpark {
        columns = List.copyOf(columns);
    }

    /**
     * The series {@code id} made of {@code rows}.
     *
     * @throws IllegalArgumentException naming the column and series when a cell is not a number
     */
    LongFormatSeries series(String id, List<Row> rows) {
        List<Row> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing(row -> timeOf(row, id)));
        double[][] values = new double[columns.size()][ordered.size()];
        List<String> labels = new ArrayList<>(ordered.size());
        int[] lines = new int[ordered.size()];
        for (int r = 0; r < ordered.size(); r++) {
            Row row = ordered.get(r);
            for (int c = 0; c < columns.size(); c++) {
                values[c][r] = number(row, columns.get(c), id);
            }
            labels.add(timeOf(row, id).toString());
            lines[r] = r + 1;
        }
        return new LongFormatSeries(SOURCE, id, new Series(columns, values, labels), lines);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparable<Object> timeOf(Row row, String id) {
        Object time = row.get(row.fieldIndex(timeColumn));
        if (time == null) {
            throw new IllegalArgumentException("series '" + id + "': a row has no value in the time column '" + timeColumn + "'");
        }
        if (!(time instanceof Comparable comparable)) {
            throw new IllegalArgumentException("time column '" + timeColumn + "' holds " + time.getClass().getSimpleName()
                    + " values, which have no order");
        }
        return comparable;
    }

    private static double number(Row row, String column, String id) {
        Object cell = row.get(row.fieldIndex(column));
        if (cell == null) {
            return Double.NaN;
        }
        if (cell instanceof Number n) {
            return n.doubleValue();
        }
        String text = cell.toString().trim();
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("series '" + id + "', column '" + column + "': '" + text + "' is not a number");
        }
    }
}
