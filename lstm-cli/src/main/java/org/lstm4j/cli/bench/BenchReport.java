package org.lstm4j.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Human-readable output: a block per workload as it finishes, then the table of figures and ratios. */
final class BenchReport {
    private BenchReport() {}

    static void printWorkload(Result r, PrintWriter out) {
        String name = String.format(Locale.ROOT, "%-11s", r.workload().id());
        if (r.lstm4j() != null) {
            out.println(name + "lstm4j   " + figures(r.workload(), r.lstm4j()) + "   (" + r.lstm4j().get("backend") + " "
                    + r.lstm4j().get("engine") + ", " + threads(r.lstm4j().get("threads")) + details(r) + ")");
        } else {
            out.println(name + "lstm4j   failed (see above)");
        }
        if (r.torch() != null) {
            out.println(" ".repeat(11) + "PyTorch  " + figures(r.workload(), r.torch()) + "   (torch " + r.torch().get("torch")
                    + ", " + threads(r.torch().get("threads")) + ")");
        } else if (r.torchError() != null) {
            out.println(" ".repeat(11) + "PyTorch  failed (see above)");
        }
        out.flush();
    }

    private static String figures(Workload w, Map<String, Object> figures) {
        List<String> parts = new ArrayList<>();
        for (Figure f : w.figures) {
            parts.add(f.label + " " + f.format(Result.number(figures, f.key)));
        }
        return String.join(" | ", parts);
    }

    private static String details(Result r) {
        Map<String, Object> m = r.lstm4j();
        return switch (r.workload()) {
            case STARTUP -> String.format(Locale.ROOT, "; JVM to bench %s ms, ND4J start %s ms, first model %s ms, first predict %s ms",
                    fmt(m, "jvm_to_bench_ms"), fmt(m, "backend_start_ms"), fmt(m, "first_model_ms"), fmt(m, "first_predict_ms"));
            case SINE -> "; median of epochs " + m.get("median_of_epochs") + ", first epoch " + fmt(m, "first_epoch_ms") + " ms";
            case LARGE -> "; median epoch of " + m.get("median_of_epochs") + " / " + asInt(m.get("batches_per_epoch"))
                    + " batches, first epoch " + fmt(m, "first_epoch_ms") + " ms";
            case INFER, INFERLARGE -> "; " + asInt(m.get("parameters")) + " parameters, throughput batch "
                    + asInt(m.get("throughput_batch"));
            case JOB -> "; " + m.get("experiment") + ", " + asInt(m.get("pairs")) + " pair(s), each run " + m.get("runs_s") + " s";
        };
    }

    private static String fmt(Map<String, Object> m, String key) {
        return Figure.number(Result.number(m, key), false);
    }

    private static String asInt(Object v) {
        return v instanceof Number n ? Long.toString(Math.round(n.doubleValue())) : String.valueOf(v);
    }

    private static String threads(Object v) {
        String n = asInt(v);
        return n + (n.equals("1") ? " thread" : " threads");
    }

    /** The table: figure | lstm4j [| PyTorch | ratio | better], Markdown-compatible. */
    static void printTable(List<Result> results, boolean withTorch, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(withTorch ? new String[] {"figure", "lstm4j", "PyTorch", "ratio", "better"} : new String[] {"figure", "lstm4j"});
        for (Result r : results) {
            for (Figure f : r.workload().figures) {
                String mine = f.format(Result.number(r.lstm4j(), f.key));
                String label = r.workload().id() + ": " + f.label;
                if (withTorch) {
                    double ratio = r.ratio(f);
                    String ratioText = Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2fx", ratio);
                    rows.add(new String[] {label, mine, f.format(Result.number(r.torch(), f.key)), ratioText, f.better.words});
                } else {
                    rows.add(new String[] {label, mine});
                }
            }
        }
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            out.println(line(rows.get(i), width));
            if (i == 0) {
                String[] rule = new String[columns];
                for (int c = 0; c < columns; c++) {
                    rule[c] = "-".repeat(width[c]);
                }
                out.println(line(rule, width));
            }
        }
        if (withTorch) {
            out.println("ratio = lstm4j / PyTorch. Times and memory: below 1.00x lstm4j is better. "
                    + "windows/s: above 1.00x lstm4j is better.");
        }
        out.flush();
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder s = new StringBuilder("|");
        for (int c = 0; c < cells.length; c++) {
            String cell = cells[c];
            boolean numeric = c > 0 && c < 4;
            String padded = numeric ? " ".repeat(width[c] - cell.length()) + cell : cell + " ".repeat(width[c] - cell.length());
            s.append(' ').append(padded).append(" |");
        }
        return s.toString();
    }
}
