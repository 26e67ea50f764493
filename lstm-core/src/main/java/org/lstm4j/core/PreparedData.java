package org.lstm4j.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.WindowedData;
import org.lstm4j.data.ChronologicalSplit;
import org.lstm4j.data.CsvSeriesReader;
import org.lstm4j.data.FittedScaler;
import org.lstm4j.data.Scaler;
import org.lstm4j.data.Series;
import org.lstm4j.data.SyntheticSeries;
import org.lstm4j.data.Transforms;
import org.lstm4j.data.WindowedDataset;

/**
 * A series made ready for a network: loaded, split by time, scaled with scalers fitted on the train
 * part only; windows are cut lazily from it.
 */
public final class PreparedData {
    private final DataSpec spec;
    private final Series series;
    private final int firstRow;
    private final ChronologicalSplit split;
    private final Map<String, FittedScaler> scalers;
    private final float[][] scaled;
    private final int[] inputs;
    private final int targetIndex;

    private PreparedData(DataSpec spec, Series series, ChronologicalSplit split, Map<String, FittedScaler> scalers) {
        this.spec = spec;
        this.series = series;
        this.firstRow = Transforms.firstRow(spec.transform());
        this.split = split;
        this.scalers = Map.copyOf(scalers);
        this.scaled = new float[series.columns().size()][];
        Series transformed = Transforms.apply(spec.transform(), series, usedColumns(spec));
        for (String column : usedColumns(spec)) {
            FittedScaler scaler = scalers.get(column);
            if (scaler == null) {
                throw new IllegalArgumentException("no fitted scaler for column '" + column + "'");
            }
            double[] values = transformed.column(column);
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (float) scaler.transform(values[i]);
            }
            scaled[series.columnIndex(column)] = out;
        }
        this.inputs = spec.inputColumns().stream().mapToInt(series::columnIndex).toArray();
        this.targetIndex = series.columnIndex(spec.targetColumn());
    }

    /**
     * Loads and prepares the data of {@code data}: transformed ({@code data.transform}), then scaled with
     * scalers fitted on the train part only.
     *
     * @param seed drives synthetic noise
     * @throws ExperimentException when a part has no complete window
     */
    public static PreparedData prepare(DataSpec data, long seed) {
        return prepare(data, load(data, seed));
    }

    /**
     * Prepares {@code series}, already loaded (one series of a long-format file), as {@link #prepare(DataSpec, long)}
     * prepares its source's: transformed, then scaled with scalers fitted on its own train part only.
     *
     * @throws ExperimentException when a part has no complete window
     */
    public static PreparedData prepare(DataSpec data, Series series) {
        ChronologicalSplit split = ChronologicalSplit.of(series.length(), data.split());
        Series transformed = Transforms.apply(data.transform(), series, usedColumns(data));
        int first = Transforms.firstRow(data.transform());
        Map<String, FittedScaler> scalers = new LinkedHashMap<>();
        for (String column : usedColumns(data)) {
            scalers.put(column, Scaler.fit(data.scaler(), transformed.column(column), first, split.train().to()));
        }
        PreparedData prepared = new PreparedData(data, series, split, scalers);
        prepared.requireSamples("train", split.train());
        prepared.requireSamples("test", split.test());
        return prepared;
    }

    /**
     * The same series re-split for a backtest origin: everything before {@code origin} is the train part
     * (scalers fitted on it again), no validation part, the rest is the test part.
     */
    public PreparedData refitAt(int origin) {
        ChronologicalSplit atOrigin = new ChronologicalSplit(origin, origin, series.length());
        Series transformed = Transforms.apply(spec.transform(), series, usedColumns(spec));
        Map<String, FittedScaler> refitted = new LinkedHashMap<>();
        for (String column : usedColumns(spec)) {
            refitted.put(column, Scaler.fit(spec.scaler(), transformed.column(column), firstRow, origin));
        }
        PreparedData prepared = new PreparedData(spec, series, atOrigin, refitted);
        prepared.requireSamples("train", atOrigin.train());
        return prepared;
    }

    /** Prepares {@code series} with scalers fitted earlier (a loaded bundle's). */
    public static PreparedData withScalers(DataSpec data, Series series, Map<String, FittedScaler> scalers) {
        return new PreparedData(data, series, ChronologicalSplit.of(series.length(), data.split()), scalers);
    }

    /** The experiment's data spec. */
    public DataSpec spec() {
        return spec;
    }

    /** The series in its own units (before any transform). */
    public Series series() {
        return series;
    }

    /** The chronological boundaries. */
    public ChronologicalSplit split() {
        return split;
    }

    /** One fitted scaler per used column, by column name. */
    public Map<String, FittedScaler> scalers() {
        return scalers;
    }

    /** The windows whose targets lie in {@code part} and whose inputs have transformed values. */
    public WindowedDataset windows(ChronologicalSplit.Part part) {
        int from = Math.min(part.to(), Math.max(part.from(), firstRow + spec.window()));
        return WindowedDataset.over(scaled, inputs, targetIndex, spec.window(), spec.horizon(), spec.stride(),
                new ChronologicalSplit.Part(from, part.to()));
    }

    /** The one window ending at the series' last row, with no target: what a forecast beyond the data reads. */
    public WindowedData latestWindow() {
        int window = spec.window();
        int last = series.length() - 1;
        if (series.length() - firstRow < window) {
            throw new ExperimentException("data.window", "the series has " + series.length() + " rows; the model reads the last "
                    + (window + firstRow) + " (window " + window + (firstRow > 0 ? " + 1 for difference" : "") + ")");
        }
        float[] values = new float[window * inputs.length];
        int first = last - window + 1;
        for (int t = 0; t < window; t++) {
            for (int f = 0; f < inputs.length; f++) {
                values[t * inputs.length + f] = scaled[inputs[f]][first + t];
            }
        }
        return new FlatWindows(values, 1, window, inputs.length, spec.horizon());
    }

    /** Training windows. */
    public WindowedDataset train() {
        return windows(split.train());
    }

    /** Validation windows, possibly none. */
    public WindowedDataset validation() {
        return windows(split.validation());
    }

    /** Test windows. */
    public WindowedDataset test() {
        return windows(split.test());
    }

    /** The target column in its own units. */
    public double[] targetValues() {
        return series.values()[targetIndex];
    }

    /** The fitted scaler of the target column. */
    public FittedScaler targetScaler() {
        return scalers.get(series.columns().get(targetIndex));
    }

    private void requireSamples(String partName, ChronologicalSplit.Part part) {
        if (windows(part).size() == 0) {
            throw new ExperimentException("data.window", "window " + spec.window() + " + horizon " + spec.horizon()
                    + " leaves no sample in the " + partName + " part (rows " + part.from() + ".." + part.to()
                    + " of " + series.length() + "); shorten the window or horizon, or give the " + partName
                    + " part more of the series");
        }
    }

    /** The columns an experiment reads: its inputs, then its target if it is not one of them. */
    public static List<String> usedColumns(DataSpec data) {
        List<String> used = new ArrayList<>(data.inputColumns());
        if (!used.contains(data.targetColumn())) {
            used.add(data.targetColumn());
        }
        return used;
    }

    /**
     * The series of {@code data}'s source, untransformed and unscaled: its CSV file's used columns, or the synthetic
     * function generated with {@code seed} for its noise.
     *
     * @throws org.lstm4j.data.DataException naming the file, line and column of a problem in a CSV file
     */
    public static Series load(DataSpec data, long seed) {
        if (data.source() instanceof SourceSpec.Csv csv) {
            return CsvSeriesReader.read(csv.csv(), csv.delimiter().charAt(0), csv.timeColumn(), usedColumns(data), data.missing());
        }
        if (data.source() instanceof SourceSpec.Synthetic synthetic) {
            return SyntheticSeries.generate(synthetic, seed);
        }
        throw new ExperimentException("data.source", "missing: give data.source.csv (a CSV file) or data.synthetic");
    }
}
