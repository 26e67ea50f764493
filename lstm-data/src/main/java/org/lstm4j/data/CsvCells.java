package org.lstm4j.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** How the text of one CSV cell is read: missing markers, numbers, time values. */
final class CsvCells {
    /** Cell texts meaning "no value" (compared trimmed and ignoring case); the empty cell is one too. */
    static final Set<String> MISSING_MARKERS = Set.of("", "na", "nan", "null");

    /** Plain decimal numbers, optionally with an exponent: no hex, no {@code d}/{@code f} suffix, no infinity. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvCells() {}

    /** Whether the cell holds no value: empty, {@code NA}, {@code NaN}, {@code nan} or {@code null}. */
    static boolean isMissing(String cell) {
        return MISSING_MARKERS.contains(cell.trim().toLowerCase(Locale.ROOT));
    }

    /** Whether the trimmed cell is a plain decimal number. */
    static boolean isNumber(String cell) {
        return NUMBER.matcher(cell.trim()).matches();
    }

    /**
     * The cell's number.
     *
     * @throws NumberFormatException when {@link #isNumber} is false or the number is too large for a double
     */
    static double number(String cell) {
        String text = cell.trim();
        if (!NUMBER.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new NumberFormatException(text);
        }
        return value;
    }

    /**
     * Whether the trimmed cell is a number or an ISO-8601 date ({@code 2024-03-01}), year-month
     * ({@code 2024-03}), local date-time ({@code 2024-03-01T12:00}, a space instead of {@code T} is
     * accepted) or offset date-time ({@code 2024-03-01T12:00Z}).
     */
    static boolean isTime(String cell) {
        String text = cell.trim();
        if (isNumber(text)) {
            return true;
        }
        String dateTime = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        return parses(() -> LocalDate.parse(text))
                || parses(() -> YearMonth.parse(text))
                || parses(() -> LocalDateTime.parse(dateTime))
                || parses(() -> OffsetDateTime.parse(dateTime));
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
