package org.lstm4j.data;

import java.nio.file.Path;
import java.util.Objects;
import org.lstm4j.api.DataSpec;

/**
 * One series of a long-format file ({@link CsvSeriesReader#readLong}): its id, its rows as read ({@code NaN} where a
 * cell was missing) and the file line of each row, for messages.
 *
 * @param file   the file it was read from
 * @param id     the value of the series column on its rows
 * @param raw    its rows in file order, missing cells {@code NaN}
 * @param lines  the 1-based file line of each row
 */
public record LongFormatSeries(Path file, String id, Series raw, int[] lines) {
    public LongFormatSeries {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(raw, "raw");
        if (lines.length != raw.length()) {
            throw new IllegalArgumentException(lines.length + " line numbers for " + raw.length() + " rows");
        }
    }

    /**
     * The series with {@code missing} applied, as {@link CsvSeriesReader#read} applies it to a whole file.
     *
     * @throws DataException naming the file, the line and the column of the first missing cell under
     *                       {@code error}, or saying what is left of the series under the other policies
     */
    public Series cleaned(DataSpec.MissingPolicy missing) {
        if (missing == DataSpec.MissingPolicy.ERROR) {
            for (int r = 0; r < raw.length(); r++) {
                for (int c = 0; c < raw.columns().size(); c++) {
                    if (Double.isNaN(raw.values()[c][r])) {
                        throw DataException.at(file, lines[r], raw.columns().get(c), CsvSeriesReader.MISSING_HINT);
                    }
                }
            }
        }
        return MissingValuePolicy.apply(file, raw, missing);
    }
}
