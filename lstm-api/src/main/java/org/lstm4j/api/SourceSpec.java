package org.lstm4j.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/** Where a series comes from: a CSV file or a generated function. */
public sealed interface SourceSpec {

    /**
     * A CSV file with a header row.
     *
     * @param csv        the file
     * @param timeColumn optional column holding a number or an ISO-8601 date/time per row; {@code null} for none
     * @param delimiter  the field separator, one character
     */
    record Csv(@NotNull Path csv, String timeColumn, @NotNull String delimiter) implements SourceSpec {
        public Csv {
            SpecChecks.require(Csv.class, csv, timeColumn, delimiter);
            if (delimiter.length() != 1) {
                throw new IllegalArgumentException("delimiter must be one character, was '" + delimiter + "'");
            }
        }

        /** A comma-separated file without a time column. */
        public static Csv of(Path csv) {
            return new Csv(csv, null, ",");
        }

        public Csv withTimeColumn(String value) {
            return new Csv(csv, value, delimiter);
        }

        public Csv withCsv(Path value) {
            return new Csv(value, timeColumn, delimiter);
        }

        public Csv withDelimiter(String value) {
            return new Csv(csv, timeColumn, value);
        }
    }

    /**
     * A generated series {@code f(t)} for t = start, start+step, ... below end, plus optional Gaussian noise.
     * Its single column is named {@code value}.
     *
     * @param function the function
     * @param start    first t
     * @param end      t stops before this
     * @param step     distance between samples
     * @param noise    standard deviation of Gaussian noise added to each sample (seeded by the experiment seed)
     */
    record Synthetic(@NotNull SyntheticFunction function, double start, double end,
                     @DecimalMin(value = "0", inclusive = false) double step,
                     @DecimalMin("0") double noise) implements SourceSpec {
        /** The column name of a synthetic series. */
        public static final String COLUMN = "value";

        public Synthetic {
            SpecChecks.require(Synthetic.class, function, start, end, step, noise);
            if (!(end > start)) {
                throw new IllegalArgumentException("end must be > start, was " + end + " <= " + start);
            }
        }

        /** The seed's sine wave: sin(t) for t in [0, 20*pi) every 0.1. */
        public static Synthetic sine() {
            return new Synthetic(SyntheticFunction.SINE, 0.0, 20 * Math.PI, 0.1, 0.0);
        }

        /** The same as {@link #sine()}. */
        public static Synthetic defaults() {
            return sine();
        }

        public Synthetic withFunction(SyntheticFunction value) {
            return new Synthetic(value, start, end, step, noise);
        }

        public Synthetic withStart(double value) {
            return new Synthetic(function, value, end, step, noise);
        }

        public Synthetic withEnd(double value) {
            return new Synthetic(function, start, value, step, noise);
        }

        public Synthetic withStep(double value) {
            return new Synthetic(function, start, end, value, noise);
        }

        public Synthetic withNoise(double value) {
            return new Synthetic(function, start, end, step, value);
        }
    }

    /** Generated series shapes. */
    enum SyntheticFunction { SINE }
}
