package org.lstm4j.data;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Named numeric columns of equal length, one value per time step, with an optional time label per
 * step. The arrays are shared, not copied: callers must not modify them.
 *
 * @param columns    column names, unique
 * @param values     {@code values[column][row]}, in the order of {@code columns}
 * @param timeLabels the time column's text per row (for output files), or {@code null} without a time column
 */
public record Series(List<String> columns, double[][] values, List<String> timeLabels) {

    /** Checks that names are unique and match the columns, and that every column and the labels have one length. */
    public Series {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(values, "values");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a series needs at least one column");
        }
        if (columns.size() != values.length) {
            throw new IllegalArgumentException(columns.size() + " column names for " + values.length + " columns");
        }
        Set<String> seen = new HashSet<>();
        for (String name : columns) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("column '" + name + "' appears twice in " + columns);
            }
        }
        int rows = values[0].length;
        for (int c = 0; c < values.length; c++) {
            if (values[c].length != rows) {
                throw new IllegalArgumentException("column '" + columns.get(c) + "' has " + values[c].length
                        + " values, column '" + columns.get(0) + "' has " + rows);
            }
        }
        if (timeLabels != null) {
            timeLabels = List.copyOf(timeLabels);
            if (timeLabels.size() != rows) {
                throw new IllegalArgumentException(timeLabels.size() + " time labels for " + rows + " rows");
            }
        }
    }

    /** Number of time steps (rows). */
    public int length() {
        return values[0].length;
    }

    /**
     * The position of a column in {@link #columns()}.
     *
     * @throws DataException naming the existing columns when there is no such column
     */
    public int columnIndex(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new DataException("no column '" + name + "'; the series has columns " + columns);
        }
        return index;
    }

    /**
     * The values of a column, one per row (the shared array).
     *
     * @throws DataException naming the existing columns when there is no such column
     */
    public double[] column(String name) {
        return values[columnIndex(name)];
    }
}
