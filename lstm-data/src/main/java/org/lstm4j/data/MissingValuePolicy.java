package org.lstm4j.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lstm4j.api.DataSpec;

/** Applies a {@link DataSpec.MissingPolicy} to a series read with {@code NaN} for missing cells. */
final class MissingValuePolicy {
    private MissingValuePolicy() {}

    /**
     * The series with the policy applied: unchanged for {@code ERROR} (the reader already refused missing
     * cells), rows with a missing value removed for {@code DROP}, columns filled otherwise.
     *
     * @param file    the source file, for messages
     * @param raw     the series as read, {@code NaN} marking missing cells
     * @param missing the policy
     * @throws DataException when nothing is left, or a column has no value at all
     */
    static Series apply(Path file, Series raw, DataSpec.MissingPolicy missing) {
        return switch (missing) {
            case ERROR -> raw;
            case DROP -> dropRowsWithMissing(file, raw);
            case INTERPOLATE, FORWARD_FILL -> fillColumns(file, raw, missing);
        };
    }

    private static Series dropRowsWithMissing(Path file, Series raw) {
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < raw.length(); r++) {
            boolean complete = true;
            for (double[] column : raw.values()) {
                complete &= !Double.isNaN(column[r]);
            }
            if (complete) {
                kept.add(r);
            }
        }
        if (kept.isEmpty()) {
            throw new DataException(file + ": every row has a missing value in " + raw.columns()
                    + "; nothing is left after dropping them");
        }
        double[][] values = new double[raw.columns().size()][kept.size()];
        for (int c = 0; c < values.length; c++) {
            for (int k = 0; k < kept.size(); k++) {
                values[c][k] = raw.values()[c][kept.get(k)];
            }
        }
        List<String> labels = raw.timeLabels() == null ? null
                : kept.stream().map(raw.timeLabels()::get).toList();
        return new Series(raw.columns(), values, labels);
    }

    private static Series fillColumns(Path file, Series raw, DataSpec.MissingPolicy missing) {
        double[][] values = new double[raw.columns().size()][];
        for (int c = 0; c < values.length; c++) {
            double[] column = raw.values()[c];
            if (isAllMissing(column)) {
                throw new DataException(file + ": column '" + raw.columns().get(c) + "': every value is missing");
            }
            values[c] = missing == DataSpec.MissingPolicy.INTERPOLATE
                    ? MissingValues.interpolate(column) : MissingValues.forwardFill(column);
        }
        return new Series(raw.columns(), values, raw.timeLabels());
    }

    private static boolean isAllMissing(double[] column) {
        for (double value : column) {
            if (!Double.isNaN(value)) {
                return false;
            }
        }
        return true;
    }
}
