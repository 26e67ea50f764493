package org.lstm4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.DataSpec.Transform;
import org.lstm4j.data.FittedScaler;
import org.lstm4j.data.Transforms;

/**
 * Turns windows given in the data's own units into a model's scaled inputs, and its scaled forecasts back into
 * the data's units: the bundle's transform and scalers, applied exactly as {@link LoadedModel#forecastAhead} applies
 * them to the last window of a series. What a server or an embedding application needs to forecast raw windows.
 *
 * <p>A raw window has {@link #steps()} rows (the model's window, plus one for a {@code difference} transform) of
 * {@link #columns()} values: the model's input columns, and the target appended when the model does not read it
 * but a {@code difference} forecast needs its last level. Immutable and safe to share between threads.
 */
public final class WindowCodec {
    /** The name of a tensor of raw windows, {@code [windows, steps(), columns().size()]} (the server, the ONNX export). */
    public static final String INPUT = "input";
    /** The name of a tensor of forecasts in the data's units, {@code [windows, horizon()]} (the server, the ONNX export). */
    public static final String OUTPUT = "forecast";

    private final DataSpec data;
    private final List<String> columns;
    private final FittedScaler[] scalers;
    private final int[] inputColumns;
    private final int targetColumn;
    private final FittedScaler targetScaler;

    private WindowCodec(DataSpec data, Map<String, FittedScaler> fitted) {
        this.data = data;
        List<String> cols = new ArrayList<>(data.inputColumns());
        if (data.transform() == Transform.DIFFERENCE && !cols.contains(data.targetColumn())) {
            cols.add(data.targetColumn());
        }
        this.columns = List.copyOf(cols);
        this.scalers = new FittedScaler[columns.size()];
        for (int c = 0; c < scalers.length; c++) {
            scalers[c] = requireScaler(fitted, columns.get(c));
        }
        this.inputColumns = data.inputColumns().stream().mapToInt(columns::indexOf).toArray();
        this.targetColumn = columns.indexOf(data.targetColumn());
        this.targetScaler = requireScaler(fitted, data.targetColumn());
    }

    /** The codec of a loaded bundle. */
    public static WindowCodec of(LoadedModel model) {
        return new WindowCodec(model.spec().data(), model.scalers());
    }

    private static FittedScaler requireScaler(Map<String, FittedScaler> fitted, String column) {
        FittedScaler scaler = fitted.get(column);
        if (scaler == null) {
            throw new IllegalArgumentException("the bundle has no fitted scaler for column '" + column + "'");
        }
        return scaler;
    }

    /** Rows of one raw window: the model's window, plus one for {@code difference}. */
    public int steps() {
        return data.window() + Transforms.firstRow(data.transform());
    }

    /** The columns of one raw row, in order. */
    public List<String> columns() {
        return columns;
    }

    /** Steps the model reads after the transform. */
    public int window() {
        return data.window();
    }

    /** Values per step the model reads. */
    public int features() {
        return inputColumns.length;
    }

    /** Forecast steps per window. */
    public int horizon() {
        return data.horizon();
    }

    /**
     * Scales raw windows into a model's inputs.
     *
     * @param raw     {@code count * steps() * columns().size()} values in the data's units, row-major
     *                ({@code [window][step][column]})
     * @param count   windows in {@code raw}
     * @param inputs  receives {@code count * window() * features()} scaled values from {@code offset}
     * @param offset  first index of {@code inputs} written
     * @param lastLevels receives each window's last target value in the data's units from {@code levelOffset}
     * @param levelOffset first index of {@code lastLevels} written
     * @throws IllegalArgumentException naming the window, step and column of a value the transform cannot take
     *                                  ({@code log} of a value that is not positive)
     */
    public void encode(double[] raw, int count, float[] inputs, int offset, double[] lastLevels, int levelOffset) {
        int cols = columns.size();
        int steps = steps();
        int first = Transforms.firstRow(data.transform());
        int features = inputColumns.length;
        Transform transform = data.transform();
        for (int w = 0; w < count; w++) {
            int base = w * steps * cols;
            for (int t = 0; t < data.window(); t++) {
                int row = base + (t + first) * cols;
                for (int f = 0; f < features; f++) {
                    int c = inputColumns[f];
                    double value = switch (transform) {
                        case NONE -> raw[row + c];
                        case LOG -> log(raw[row + c], w, t, c);
                        case DIFFERENCE -> raw[row + c] - raw[row - cols + c];
                    };
                    inputs[offset + (w * data.window() + t) * features + f] = (float) scalers[c].transform(value);
                }
            }
            lastLevels[levelOffset + w] = targetColumn < 0 ? Double.NaN : raw[base + (steps - 1) * cols + targetColumn];
        }
    }

    /**
     * One window's scaled forecast back in the data's units.
     *
     * @param scaled    the model's output for the window
     * @param lastLevel the window's last target value, as {@link #encode} reported it
     */
    public double[] decode(double[] scaled, double lastLevel) {
        double[] steps = new double[scaled.length];
        for (int k = 0; k < scaled.length; k++) {
            steps[k] = targetScaler.inverse(scaled[k]);
        }
        return Transforms.toLevels(data.transform(), steps, lastLevel);
    }

    private double log(double value, int window, int step, int column) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("window " + window + ", step " + step + ", column '" + columns.get(column)
                    + "': the model's log transform needs positive values, was " + value);
        }
        return Math.log(value);
    }
}
