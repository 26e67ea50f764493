package org.lstm4j.data;

import java.util.Objects;
import org.lstm4j.api.WindowedData;

/**
 * The samples of one part of a scaled series, read from the series on demand (nothing is copied into
 * per-sample arrays).
 *
 * <p>Sample {@code k} starts at row {@code s = s0 + k * stride} with {@code s0 = max(0, part.from - window)}:
 * its inputs are rows {@code s .. s + window - 1} of the input columns, its targets rows
 * {@code s + window .. s + window + horizon - 1} of the target column. A sample belongs to the part when
 * all its target rows lie in the part; its inputs may reach back into an earlier part, never ahead.
 */
public final class WindowedDataset implements WindowedData {
    private final float[][] columns;
    private final int[] inputColumns;
    private final int targetColumn;
    private final int window;
    private final int horizon;
    private final int stride;
    private final ChronologicalSplit.Part targets;
    private final int firstStart;
    private final int size;

    private WindowedDataset(float[][] columns, int[] inputColumns, int targetColumn, int window, int horizon,
                            int stride, ChronologicalSplit.Part targets) {
        this.columns = columns;
        this.inputColumns = inputColumns;
        this.targetColumn = targetColumn;
        this.window = window;
        this.horizon = horizon;
        this.stride = stride;
        this.targets = targets;
        this.firstStart = Math.max(0, targets.from() - window);
        int lastStart = targets.to() - window - horizon;
        this.size = lastStart < firstStart ? 0 : (lastStart - firstStart) / stride + 1;
    }

    /**
     * The samples whose targets lie in {@code targets}.
     *
     * @param scaledColumns the whole series, already scaled, {@code [column][row]}; kept, not copied
     * @param inputColumns  indices of the input features, in feature order
     * @param targetColumn  index of the forecast column
     * @param window        input rows per sample
     * @param horizon       target rows per sample
     * @param stride        rows between consecutive sample starts
     * @param targets       the rows the targets must lie in
     * @throws IllegalArgumentException when a parameter does not fit the series
     */
    public static WindowedDataset over(float[][] scaledColumns, int[] inputColumns, int targetColumn, int window,
                                       int horizon, int stride, ChronologicalSplit.Part targets) {
        Objects.requireNonNull(scaledColumns, "scaledColumns");
        Objects.requireNonNull(targets, "targets");
        if (window < 1 || horizon < 1 || stride < 1) {
            throw new IllegalArgumentException("window, horizon and stride must be >= 1, were "
                    + window + ", " + horizon + ", " + stride);
        }
        if (scaledColumns.length == 0 || inputColumns.length == 0) {
            throw new IllegalArgumentException("need at least one column and one input column");
        }
        int rows = scaledColumns[0].length;
        for (float[] column : scaledColumns) {
            if (column.length != rows) {
                throw new IllegalArgumentException("columns differ in length: " + column.length + " and " + rows);
            }
        }
        for (int column : inputColumns) {
            Objects.checkIndex(column, scaledColumns.length);
        }
        Objects.checkIndex(targetColumn, scaledColumns.length);
        if (targets.to() > rows) {
            throw new IllegalArgumentException("part " + targets + " goes beyond the " + rows + " rows of the series");
        }
        return new WindowedDataset(scaledColumns, inputColumns.clone(), targetColumn, window, horizon, stride, targets);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public int features() {
        return inputColumns.length;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    /** Rows between consecutive sample starts. */
    public int stride() {
        return stride;
    }

    /** The rows the samples' targets lie in. */
    public ChronologicalSplit.Part targets() {
        return targets;
    }

    /** The row of the sample's first target. */
    public int firstTargetRow(int sample) {
        return start(sample) + window;
    }

    /** The row of the sample's last input: the last observation before its forecast. */
    public int lastInputRow(int sample) {
        return start(sample) + window - 1;
    }

    @Override
    public void copyInputs(int sample, float[] destination, int offset) {
        int start = start(sample);
        int features = inputColumns.length;
        for (int t = 0; t < window; t++) {
            for (int f = 0; f < features; f++) {
                destination[offset + t * features + f] = columns[inputColumns[f]][start + t];
            }
        }
    }

    @Override
    public void copyTargets(int sample, float[] destination, int offset) {
        System.arraycopy(columns[targetColumn], firstTargetRow(sample), destination, offset, horizon);
    }

    private int start(int sample) {
        Objects.checkIndex(sample, size);
        return firstStart + sample * stride;
    }
}
