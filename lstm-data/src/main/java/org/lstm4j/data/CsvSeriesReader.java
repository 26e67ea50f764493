package org.lstm4j.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.lstm4j.api.DataSpec;

/**
 * Reads numeric columns of a UTF-8 CSV file with a header row into a {@link Series}.
 *
 * <p>Cells that are empty, {@code NA}, {@code NaN}, {@code nan} or {@code null} (any case) are missing;
 * the {@link DataSpec.MissingPolicy} says what becomes of them. Every problem is a
 * {@link DataException} naming the file, the 1-based line and the column.
 */
public final class CsvSeriesReader {
    private static final String MISSING_HINT = "missing value (set data.missing to interpolate, forward_fill or drop)";

    private CsvSeriesReader() {}

    /**
     * The column names of the header row (trimmed).
     *
     * @param file      the CSV file
     * @param delimiter the field separator
     * @throws DataException when the file is unreadable or empty
     */
    public static List<String> readHeader(Path file, char delimiter) {
        try (BufferedReader text = open(file)) {
            CsvRecords records = new CsvRecords(text, file, delimiter);
            return header(file, records);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reads the named numeric columns, checks the time column, and applies the missing-value policy.
     *
     * @param file       the CSV file
     * @param delimiter  the field separator
     * @param timeColumn column holding a number or an ISO-8601 date/time per row, or {@code null}
     * @param columns    the numeric columns to load, in the order the series should have them (duplicates ignored)
     * @param missing    what to do with missing cells in {@code columns}
     * @return the columns, with the time column's text per row as time labels
     * @throws DataException naming file, line and column for any problem in the data
     */
    public static Series read(Path file, char delimiter, String timeColumn, List<String> columns,
                              DataSpec.MissingPolicy missing) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(missing, "missing");
        List<String> wanted = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(columns, "columns")));
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no columns to read from " + file);
        }
        Series raw;
        try (BufferedReader text = open(file)) {
            CsvRecords records = new CsvRecords(text, file, delimiter);
            raw = readRows(file, records, timeColumn, wanted, missing);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        return MissingValuePolicy.apply(file, raw, missing);
    }

    private static Series readRows(Path file, CsvRecords records, String timeColumn, List<String> wanted,
                                   DataSpec.MissingPolicy missing) throws IOException {
        List<String> header = header(file, records);
        int headerLine = records.recordLine();
        int[] fileIndex = new int[wanted.size()];
        for (int c = 0; c < wanted.size(); c++) {
            fileIndex[c] = locate(file, headerLine, header, wanted.get(c));
        }
        int timeIndex = timeColumn == null ? -1 : locate(file, headerLine, header, timeColumn);
        int[] readingOrder = orderByFilePosition(fileIndex);

        List<double[]> rows = new ArrayList<>();
        List<String> timeLabels = timeColumn == null ? null : new ArrayList<>();
        for (List<String> fields = records.next(); fields != null; fields = records.next()) {
            int line = records.recordLine();
            if (fields.size() != header.size()) {
                throw DataException.at(file, line, "expected " + header.size() + " fields as in the header, found "
                        + fields.size());
            }
            if (timeColumn != null) {
                timeLabels.add(timeLabel(file, line, timeColumn, fields.get(timeIndex)));
            }
            double[] row = new double[wanted.size()];
            for (int c : readingOrder) {
                row[c] = cell(file, line, wanted.get(c), fields.get(fileIndex[c]), missing);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw DataException.at(file, headerLine, "no data rows after the header");
        }
        return new Series(wanted, transpose(rows, wanted.size()), timeLabels);
    }

    private static List<String> header(Path file, CsvRecords records) throws IOException {
        List<String> header = records.next();
        if (header == null) {
            throw DataException.at(file, 1, "the file is empty; expected a header row naming the columns");
        }
        return header.stream().map(String::trim).toList();
    }

    private static int locate(Path file, int headerLine, List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            String hint = header.stream().filter(name::equalsIgnoreCase).findFirst()
                    .map(similar -> " (did you mean '" + similar + "'?)").orElse("");
            throw DataException.at(file, headerLine, "no column '" + name + "'" + hint + "; the columns are " + header);
        }
        if (header.lastIndexOf(name) != index) {
            throw DataException.at(file, headerLine, "column '" + name + "' appears more than once in the header");
        }
        return index;
    }

    private static int[] orderByFilePosition(int[] fileIndex) {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < fileIndex.length; c++) {
            order.add(c);
        }
        order.sort((a, b) -> Integer.compare(fileIndex[a], fileIndex[b]));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String timeLabel(Path file, int line, String timeColumn, String cell) {
        if (CsvCells.isMissing(cell)) {
            throw DataException.at(file, line, "time column '" + timeColumn + "': missing value");
        }
        if (!CsvCells.isTime(cell)) {
            throw DataException.at(file, line, "time column '" + timeColumn + "': '" + cell.trim()
                    + "' is neither a number nor an ISO-8601 date or date-time (like 2024-03-01 or 2024-03-01T12:00)");
        }
        return cell.trim();
    }

    private static double cell(Path file, int line, String column, String cell, DataSpec.MissingPolicy missing) {
        if (CsvCells.isMissing(cell)) {
            if (missing == DataSpec.MissingPolicy.ERROR) {
                throw DataException.at(file, line, column, MISSING_HINT);
            }
            return Double.NaN;
        }
        try {
            return CsvCells.number(cell);
        } catch (NumberFormatException e) {
            throw DataException.at(file, line, column, "cannot read '" + cell.trim() + "' as a number");
        }
    }

    private static double[][] transpose(List<double[]> rows, int columnCount) {
        double[][] values = new double[columnCount][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            for (int c = 0; c < columnCount; c++) {
                values[c][r] = row[c];
            }
        }
        return values;
    }

    private static BufferedReader open(Path file) throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private static DataException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DataException(file + ": no such file", e);
        }
        if (e instanceof CharacterCodingException) {
            return new DataException(file + ": not UTF-8 text", e);
        }
        return new DataException(file + ": cannot read: " + e, e);
    }
}
