package org.lstm4j.core.many;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code metrics.csv} of a many-series run: a header, then a row per series in the file's order. Numbers are written
 * as Java's shortest exact text ({@link Double#toString}), empty for {@code NaN}; text fields are quoted when they
 * hold a comma, a quote or a line break. No timings, so the same seeds give the same bytes on any machine or pool.
 */
public final class MetricsCsv {
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("series", "directory", "status", "rows", "rmse", "mae", "mase",
            "naive_rmse", "naive_mae", "skill", "epochs", "error");

    private MetricsCsv() {}

    /** The whole file. */
    public static String of(List<SeriesRow> rows) {
        StringBuilder out = new StringBuilder(header());
        for (SeriesRow row : rows) {
            out.append(line(row));
        }
        return out.toString();
    }

    /** The header line, with its line break. */
    public static String header() {
        return String.join(",", COLUMNS) + "\n";
    }

    /** One row's line, with its line break. */
    public static String line(SeriesRow row) {
        List<String> fields = List.of(field(row.id()), field(row.directory()), row.status().name().toLowerCase(Locale.ROOT),
                Integer.toString(row.rows()), number(row.rmse()), number(row.mae()), number(row.mase()),
                number(row.naiveRmse()), number(row.naiveMae()), number(row.skill()), Integer.toString(row.epochs()),
                field(row.error()));
        return String.join(",", fields) + "\n";
    }

    /**
     * The rows of a file {@link #of} wrote.
     *
     * @throws IllegalArgumentException when the text is not such a file
     */
    public static List<SeriesRow> parse(String text) {
        List<List<String>> records = records(text);
        if (records.isEmpty() || !records.get(0).equals(COLUMNS)) {
            throw new IllegalArgumentException("not a many-series metrics.csv: its header is not " + String.join(",", COLUMNS));
        }
        List<SeriesRow> rows = new ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            if (r.size() != COLUMNS.size()) {
                throw new IllegalArgumentException("a metrics.csv row has " + r.size() + " fields, expected " + COLUMNS.size());
            }
            rows.add(new SeriesRow(r.get(0), r.get(1), SeriesStatus.valueOf(r.get(2).toUpperCase(Locale.ROOT)),
                    Integer.parseInt(r.get(3)), decimal(r.get(4)), decimal(r.get(5)), decimal(r.get(6)), decimal(r.get(7)),
                    decimal(r.get(8)), decimal(r.get(9)), Integer.parseInt(r.get(10)), r.get(11)));
        }
        return rows;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private static double decimal(String text) {
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }

    private static String field(String text) {
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** RFC 4180 records of {@code text}. */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
