package org.lstm4j.tuning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code trials.csv}: one row per trial, columns
 * {@code trial, <parameter>..., <metric>, <extra>..., epochs_run, seconds, status, error}.
 * Writes are atomic (temporary file, then move), so a crash leaves the previous complete table.
 */
final class TrialsCsv {
    static final List<String> TAIL = List.of("epochs_run", "seconds", "status", "error");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(NaN|Infinity)");

    private final List<String> parameters;
    private final String metric;

    /**
     * @param parameters parameter column names, in order
     * @param metric     the metric column name
     */
    TrialsCsv(List<String> parameters, String metric) {
        this.parameters = List.copyOf(parameters);
        this.metric = Objects.requireNonNull(metric, "metric");
    }

    /** The text a value has in {@code trials.csv}; assignments are matched on it when resuming. */
    static String text(Object value) {
        return String.valueOf(value);
    }

    /** The key identifying an assignment: its paths and the {@link #text} of its values. */
    static String key(Map<String, Object> assignment) {
        List<String> names = new ArrayList<>(assignment.keySet());
        List<String> texts = new ArrayList<>();
        assignment.values().forEach(v -> texts.add(text(v)));
        return key(names, texts);
    }

    private static String key(List<String> names, List<String> texts) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            key.append(names.get(i)).append('\u0000').append(texts.get(i)).append('\u0001');
        }
        return key.toString();
    }

    /**
     * A trial read back from the file.
     *
     * @param key   the {@link #key} of its assignment, from the text as written
     * @param trial the row
     */
    record Row(String key, TrialResult trial) {}

    /** Writes {@code trials} (in the order given) to {@code file}, atomically. */
    void write(Path file, List<TrialResult> trials) throws IOException {
        Set<String> extras = new LinkedHashSet<>();
        trials.forEach(t -> extras.addAll(t.extra().keySet()));
        List<String> header = new ArrayList<>();
        header.add("trial");
        header.addAll(parameters);
        header.add(metric);
        header.addAll(extras);
        header.addAll(TAIL);
        StringBuilder out = new StringBuilder(Csv.line(header)).append('\n');
        for (TrialResult t : trials) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(t.trial()));
            for (String p : parameters) {
                row.add(text(t.assignment().get(p)));
            }
            row.add(number(t.metric()));
            for (String x : extras) {
                Double value = t.extra().get(x);
                row.add(value == null ? "" : number(value));
            }
            row.add(Integer.toString(t.epochsRun()));
            row.add(String.format(Locale.ROOT, "%.3f", t.seconds()));
            row.add(t.status().csvName());
            row.add(t.error().replaceAll("[\\r\\n]+", " ").strip());
            out.append(Csv.line(row)).append('\n');
        }
        writeAtomically(file, out.toString());
    }

    /**
     * The trials in {@code file}, or none when it does not exist.
     *
     * @throws TrialsFileException when the file is damaged or was written for other parameters or another metric
     * @throws IOException         when it cannot be read
     */
    List<Row> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<List<String>> rows;
        try {
            rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new TrialsFileException(file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0);
        int fixed = 1 + parameters.size() + 1;
        if (header.size() < fixed + TAIL.size()
                || !header.get(0).equals("trial")
                || !header.subList(1, 1 + parameters.size()).equals(parameters)
                || !header.get(1 + parameters.size()).equals(metric)
                || !header.subList(header.size() - TAIL.size(), header.size()).equals(TAIL)) {
            throw new TrialsFileException(file + " was written by another search (columns " + header + "); this search writes "
                    + "trial, " + parameters + ", " + metric + ", ..., " + TAIL + ". Use another directory or move the file away");
        }
        List<String> extras = header.subList(fixed, header.size() - TAIL.size());
        List<Row> trials = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new TrialsFileException(file + ": row " + (r + 1) + " has " + row.size() + " fields, the header " + header.size());
            }
            try {
                trials.add(new Row(key(parameters, row.subList(1, 1 + parameters.size())), row(row, extras)));
            } catch (IllegalArgumentException e) {
                throw new TrialsFileException(file + ": row " + (r + 1) + ": " + e.getMessage(), e);
            }
        }
        return trials;
    }

    private TrialResult row(List<String> row, List<String> extras) {
        Map<String, Object> assignment = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            assignment.put(parameters.get(i), scalar(row.get(1 + i)));
        }
        int at = 1 + parameters.size();
        double metricValue = parseNumber(row.get(at++));
        Map<String, Double> extra = new LinkedHashMap<>();
        for (String x : extras) {
            String cell = row.get(at++);
            if (!cell.isEmpty()) {
                extra.put(x, parseNumber(cell));
            }
        }
        int epochs = Integer.parseInt(row.get(at++));
        double seconds = parseNumber(row.get(at++));
        TrialStatus status = TrialStatus.ofCsvName(row.get(at++));
        String error = row.get(at);
        return new TrialResult(Integer.parseInt(row.get(0)), assignment, metricValue, extra, epochs, seconds, status, error);
    }

    /** A value read back: Integer, Long, Double, Boolean or the text itself. */
    static Object scalar(String text) {
        if (INTEGER.matcher(text).matches()) {
            try {
                long value = Long.parseLong(text);
                return value == (int) value ? (Object) (int) value : (Object) value;
            } catch (NumberFormatException tooLong) {
                return text;
            }
        }
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        return text;
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private static double parseNumber(String text) {
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
