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
    static final String MISSING_HINT = "missing value (set data.missing to interpolate, forward_fill or drop)";

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
        Series raw = readRaw(file, delimiter, timeColumn, null, wanted, missing, null, null);
        return MissingValuePolicy.apply(file, raw, missing);
    }

    /**
     * Reads a long-format file, one row per series and time step, into its series: one per value of
     * {@code seriesColumn}, in the order of their first row, each with its rows in file order. Missing cells are read
     * as {@code NaN}; each series applies {@code missing} itself ({@link LongFormatSeries#cleaned}), so that a
     * gap in one series does not refuse the others.
     *
     * @throws DataException naming file, line and column for a problem of the file as a whole (no such column, a
     *                       cell that is not a number, a row of the wrong length, a missing series id)
     */
    public static List<LongFormatSeries> readLong(Path file, char delimiter, String seriesColumn, String timeColumn,
                                                  List<String> columns, DataSpec.MissingPolicy missing) {
        Objects.requireNonNull(seriesColumn, "seriesColumn");
        Objects.requireNonNull(missing, "missing");
        List<String> wanted = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(columns, "columns")));
        List<String> ids = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Series all = readRaw(file, delimiter, timeColumn, seriesColumn, wanted, DataSpec.MissingPolicy.DROP, ids, lines);
        java.util.Map<String, List<Integer>> rowsById = new java.util.LinkedHashMap<>();
        for (int r = 0; r < ids.size(); r++) {
            rowsById.computeIfAbsent(ids.get(r), id -> new ArrayList<>()).add(r);
        }
        List<LongFormatSeries> out = new ArrayList<>();
        rowsById.forEach((id, rows) -> {
            double[][] values = new double[wanted.size()][rows.size()];
            int[] rowLines = new int[rows.size()];
            List<String> labels = all.timeLabels() == null ? null : new ArrayList<>();
            for (int k = 0; k < rows.size(); k++) {
                int r = rows.get(k);
                for (int c = 0; c < values.length; c++) {
                    values[c][k] = all.values()[c][r];
                }
                rowLines[k] = lines.get(r);
                if (labels != null) {
                    labels.add(all.timeLabels().get(r));
                }
            }
            out.add(new LongFormatSeries(file, id, new Series(wanted, values, labels), rowLines));
        });
        return out;
    }

    private static Series readRaw(Path file, char delimiter, String timeColumn, String idColumn, List<String> wanted,
                                  DataSpec.MissingPolicy missing, List<String> ids, List<Integer> lines) {
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no columns to read from " + file);
        }
        try (BufferedReader text = open(file)) {
            CsvRecords records = new CsvRecords(text, file, delimiter);
            return readRows(file, records, timeColumn, idColumn, wanted, missing, ids, lines);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static Series readRows(Path file, CsvRecords records, String timeColumn, String idColumn, List<String> wanted,
                                   DataSpec.MissingPolicy missing, List<String> ids, List<Integer> lines) throws IOException {
        List<String> header = header(file, records);
        int headerLine = records.recordLine();
        int[] fileIndex = new int[wanted.size()];
        for (int c = 0; c < wanted.size(); c++) {
            fileIndex[c] = locate(file, headerLine, header, wanted.get(c));
        }
        int timeIndex = timeColumn == null ? -1 : locate(file, headerLine, header, timeColumn);
        int idIndex = idColumn == null ? -1 : locate(file, headerLine, header, idColumn);
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
            if (idColumn != null) {
                String id = fields.get(idIndex).trim();
                if (id.isEmpty()) {
                    throw DataException.at(file, line, idColumn, "no series id (data.series_column names every row's series)");
                }
                ids.add(id);
                lines.add(line);
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
