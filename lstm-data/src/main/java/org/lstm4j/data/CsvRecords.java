package org.lstm4j.data;

import java.io.Reader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (simple RFC 4180): fields separated by one delimiter character;
 * a field starting with {@code "} is quoted, may hold the delimiter and line breaks, and writes a
 * quote as {@code ""}. Blank lines are skipped, a byte-order mark is ignored. Not thread-safe.
 */
final class CsvRecords {
    /** The longest record (a line, or the lines of a quoted field) read: 1 MiB characters. */
    static final int MAX_RECORD_CHARS = 1 << 20;
    private static final char QUOTE = '"';
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final BoundedLines reader;
    private final Path file;
    private final char delimiter;
    private int linesRead;
    private int recordLine;

    /**
     * @param reader    the text, read from its current position
     * @param file      the file, for messages
     * @param delimiter the field separator
     */
    CsvRecords(Reader reader, Path file, char delimiter) {
        if (delimiter == QUOTE || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
        }
        this.reader = new BoundedLines(reader, MAX_RECORD_CHARS);
        this.file = file;
        this.delimiter = delimiter;
    }

    /**
     * The next record's fields, or {@code null} at the end of the text.
     *
     * @throws DataException when a quoted field is not closed before the end of the text
     */
    List<String> next() throws IOException {
        String line = nextNonBlankLine();
        if (line == null) {
            return null;
        }
        recordLine = linesRead;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean atFieldStart = true;
        while (true) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (inQuotes) {
                    if (c != QUOTE) {
                        field.append(c);
                    } else if (i + 1 < line.length() && line.charAt(i + 1) == QUOTE) {
                        field.append(QUOTE);
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    atFieldStart = true;
                    continue;
                } else if (c == QUOTE && atFieldStart) {
                    inQuotes = true;
                } else {
                    field.append(c);
                }
                atFieldStart = false;
            }
            if (!inQuotes) {
                fields.add(field.toString());
                return fields;
            }
            line = readLine();
            if (line == null) {
                throw DataException.at(file, recordLine, "a quoted field is not closed before the end of the file");
            }
            linesRead++;
            field.append('\n');
            if (field.length() + line.length() > MAX_RECORD_CHARS) {
                throw DataException.at(file, recordLine, "a quoted field is longer than " + MAX_RECORD_CHARS
                        + " characters (is its closing quote missing?)");
            }
        }
    }

    /** The 1-based line on which the record last returned by {@link #next()} starts. */
    int recordLine() {
        return recordLine;
    }

    private String readLine() throws IOException {
        try {
            return reader.next();
        } catch (BoundedLines.LineTooLongException e) {
            throw DataException.at(file, linesRead + 1, "the line is longer than " + MAX_RECORD_CHARS
                    + " characters; is this a CSV file of one time step per line?");
        }
    }

    private String nextNonBlankLine() throws IOException {
        String line;
        do {
            line = readLine();
            if (line == null) {
                return null;
            }
            linesRead++;
            if (linesRead == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
        } while (line.isBlank());
        return line;
    }
}
