package org.lstm4j.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The series and how it becomes training samples.
 *
 * @param source    CSV file or synthetic function
 * @param features  input columns; empty means {@code [target]}
 * @param target    the column to forecast
 * @param window    input time steps per sample
 * @param horizon   steps ahead, predicted all at once
 * @param stride    step between consecutive windows
 * @param missing   what to do with missing values
 * @param transform transformation before scaling
 * @param scaler    scaler, fitted on the train part only
 * @param split     chronological fractions
 * @param seriesColumn the column naming the series of a long-format file (one model per series, see
 *                  docs/many-series.md), or {@code null} for a file that is one series
 */
public record DataSpec(
        SourceSpec source,
        @NotNull List<String> features,
        String target,
        @Min(1) int window,
        @Min(1) int horizon,
        @Min(1) int stride,
        @NotNull MissingPolicy missing,
        @NotNull Transform transform,
        @NotNull ScalerSpec scaler,
        @NotNull SplitSpec split,
        String seriesColumn) {

    public DataSpec {
        SpecChecks.require(DataSpec.class, source, features, target, window, horizon, stride, missing, transform, scaler, split,
                seriesColumn);
        features = List.copyOf(features);
    }

    /** The DSL defaults; source and target are unset. */
    public static DataSpec defaults() {
        return new DataSpec(null, List.of(), null, 10, 1, 1, MissingPolicy.ERROR, Transform.NONE,
                ScalerSpec.defaults(), SplitSpec.defaults(), null);
    }

    /** The input columns: {@link #features()}, or the target alone when none are given. */
    public List<String> inputColumns() {
        if (!features.isEmpty()) {
            return features;
        }
        return targetColumn() == null ? List.of() : List.of(targetColumn());
    }

    /** For a synthetic source the target defaults to its only column. */
    public String targetColumn() {
        return target == null && source instanceof SourceSpec.Synthetic ? SourceSpec.Synthetic.COLUMN : target;
    }

    /** The shape of the samples these settings cut: window, input columns, horizon. */
    public SampleShape sampleShape() {
        return new SampleShape(window, inputColumns().size(), horizon);
    }

    public DataSpec withSource(SourceSpec value) {
        return new DataSpec(value, features, target, window, horizon, stride, missing, transform, scaler, split, seriesColumn);
    }

    public DataSpec withFeatures(List<String> value) {
        return new DataSpec(source, value, target, window, horizon, stride, missing, transform, scaler, split, seriesColumn);
    }

    public DataSpec withTarget(String value) {
        return new DataSpec(source, features, value, window, horizon, stride, missing, transform, scaler, split, seriesColumn);
    }

    public DataSpec withWindow(int value) {
        return new DataSpec(source, features, target, value, horizon, stride, missing, transform, scaler, split, seriesColumn);
    }

    public DataSpec withHorizon(int value) {
        return new DataSpec(source, features, target, window, value, stride, missing, transform, scaler, split, seriesColumn);
    }

    public DataSpec withStride(int value) {
        return new DataSpec(source, features, target, window, horizon, value, missing, transform, scaler, split, seriesColumn);
    }

    public DataSpec withMissing(MissingPolicy value) {
        return new DataSpec(source, features, target, window, horizon, stride, value, transform, scaler, split, seriesColumn);
    }

    public DataSpec withTransform(Transform value) {
        return new DataSpec(source, features, target, window, horizon, stride, missing, value, scaler, split, seriesColumn);
    }

    public DataSpec withScaler(ScalerSpec value) {
        return new DataSpec(source, features, target, window, horizon, stride, missing, transform, value, split, seriesColumn);
    }

    public DataSpec withSplit(SplitSpec value) {
        return new DataSpec(source, features, target, window, horizon, stride, missing, transform, scaler, value, seriesColumn);
    }

    /** The same data split into one series per value of {@code value} (a long-format file); {@code null} for one series. */
    public DataSpec withSeriesColumn(String value) {
        return new DataSpec(source, features, target, window, horizon, stride, missing, transform, scaler, split, value);
    }

    /** Whether the file holds many series, one per value of {@link #seriesColumn()}. */
    public boolean isManySeries() {
        return seriesColumn != null;
    }

    /** Missing-value policies. */
    public enum MissingPolicy {
        /** Refuse the file, naming the row and column. */
        ERROR,
        /** Linear interpolation between the neighbours (edges take the nearest value). */
        INTERPOLATE,
        /** Carry the last seen value forward (a leading gap takes the first value). */
        FORWARD_FILL,
        /** Drop the whole row. */
        DROP
    }

    /** Transformations applied before scaling. */
    public enum Transform { NONE, DIFFERENCE, LOG }
}
