package org.lstm4j.data;

import org.lstm4j.api.SplitSpec;

/**
 * Rows cut in time order into train {@code [0, trainEnd)}, validation {@code [trainEnd, validationEnd)}
 * and test {@code [validationEnd, length)}.
 *
 * @param trainEnd      first row after the train part
 * @param validationEnd first row after the validation part
 * @param length        number of rows
 */
public record ChronologicalSplit(int trainEnd, int validationEnd, int length) {

    /** Checks {@code 0 <= trainEnd <= validationEnd <= length}. */
    public ChronologicalSplit {
        if (!(0 <= trainEnd && trainEnd <= validationEnd && validationEnd <= length)) {
            throw new IllegalArgumentException("need 0 <= trainEnd <= validationEnd <= length, were "
                    + trainEnd + ", " + validationEnd + ", " + length);
        }
    }

    /**
     * Splits like Python's {@code int(length * fraction)}: {@code trainEnd = floor(length * train)},
     * {@code validationEnd = trainEnd + floor(length * validation)}; the test part takes the rest.
     * 629 rows at 0.8 / 0.1 / 0.1 give train [0, 503), validation [503, 565), test [565, 629).
     *
     * @param length number of rows
     * @param split  the fractions
     */
    public static ChronologicalSplit of(int length, SplitSpec split) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, was " + length);
        }
        int trainEnd = (int) Math.floor(length * split.train());
        int validationEnd = trainEnd + (int) Math.floor(length * split.validation());
        return new ChronologicalSplit(trainEnd, Math.min(validationEnd, length), length);
    }

    /** The train rows. */
    public Part train() {
        return new Part(0, trainEnd);
    }

    /** The validation rows (empty when the validation fraction is 0). */
    public Part validation() {
        return new Part(trainEnd, validationEnd);
    }

    /** The test rows. */
    public Part test() {
        return new Part(validationEnd, length);
    }

    /**
     * A half-open range of rows {@code [from, to)}.
     *
     * @param from first row
     * @param to   first row after the part
     */
    public record Part(int from, int to) {

        /** Checks {@code 0 <= from <= to}. */
        public Part {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("need 0 <= from <= to, were " + from + ", " + to);
            }
        }

        /** Number of rows. */
        public int size() {
            return to - from;
        }

        /** Whether the part has no row. */
        public boolean isEmpty() {
            return to == from;
        }
    }
}
