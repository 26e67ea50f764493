package org.lstm4j.tuning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A search's trials as a plain-text table, best first:
 * <pre>
 * rank  trial  model.hidden_size  val_rmse  epochs  seconds  status
 * ----  -----  -----------------  --------  ------  -------  ------
 *    1      2                 64   0.01234      40     12.3  ok
 *    -      3                128                 0      0.1  failed: val_rmse is NaN
 * </pre>
 * Columns holding only numbers are right-aligned (metrics to 6 significant digits), others left-aligned;
 * failed trials have no rank and show their reason after the status.
 */
public final class RankedTable {
    private RankedTable() {}

    /** The table of {@code result}, one line per trial, lines ending in {@code \n}. */
    public static String format(SearchResult result) {
        Set<String> extras = new LinkedHashSet<>();
        result.trials().forEach(t -> extras.addAll(t.extra().keySet()));
        List<String> header = new ArrayList<>();
        header.add("rank");
        header.add("trial");
        header.addAll(result.parameters());
        header.add(result.metric());
        header.addAll(extras);
        header.add("epochs");
        header.add("seconds");
        header.add("status");
        int statusColumn = header.size() - 1;

        List<List<String>> rows = new ArrayList<>();
        int rank = 0;
        for (TrialResult t : result.trials()) {
            List<String> row = new ArrayList<>();
            row.add(t.ok() ? Integer.toString(++rank) : "-");
            row.add(Integer.toString(t.trial()));
            for (String p : result.parameters()) {
                row.add(TrialsCsv.text(t.assignment().get(p)));
            }
            row.add(number(t.metric()));
            for (String x : extras) {
                Double value = t.extra().get(x);
                row.add(value == null ? "" : number(value));
            }
            row.add(Integer.toString(t.epochsRun()));
            row.add(String.format(Locale.ROOT, "%.1f", t.seconds()));
            String error = t.error().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
            row.add(t.ok() || error.isEmpty() ? t.status().csvName() : t.status().csvName() + ": " + error);
            rows.add(row);
        }

        int[] width = new int[header.size()];
        boolean[] right = new boolean[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
            right[c] = c != statusColumn;
            for (List<String> row : rows) {
                if (c != statusColumn) {
                    width[c] = Math.max(width[c], row.get(c).length());
                    right[c] &= row.get(c).isEmpty() || numeric(row.get(c));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width, right);
        List<String> rule = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            rule.add("-".repeat(c == statusColumn ? Math.max(width[c], "status".length()) : width[c]));
        }
        line(out, rule, width, right);
        for (List<String> row : rows) {
            line(out, row, width, right);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            String cell = cells.get(c);
            String pad = " ".repeat(Math.max(0, width[c] - cell.length()));
            line.append(right[c] ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static boolean numeric(String cell) {
        return cell.equals("-") || (!cell.isEmpty() && TrialsCsv.scalar(cell) instanceof Number);
    }

    /** {@code value} to 6 significant digits, without trailing zeros; empty for NaN. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        int magnitude = rounded.precision() - rounded.scale() - 1;
        return magnitude < -5 || magnitude > 9 ? rounded.toString() : rounded.toPlainString();
    }
}
