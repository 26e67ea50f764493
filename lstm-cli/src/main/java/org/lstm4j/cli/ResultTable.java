package org.lstm4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.lstm4j.core.Diagnostics;
import org.lstm4j.core.Evaluation;
import org.lstm4j.core.ExperimentResult;
import org.lstm4j.core.Scorecard;
import org.lstm4j.data.Metrics;

/** The end-of-run table: test metrics in the data's own units, the model beside each baseline. */
final class ResultTable {
    private ResultTable() {}

    /** What {@code lstm train} prints at the end: the test table, the backtest's folds, the lag warning. */
    static void print(ExperimentResult result, PrintWriter out) {
        String season = result.spec().evaluation().seasonLength() > 0 ? "evaluation.season_length" : "detected on the train part";
        metrics(new Scorecard(result.test(), result.testForecast().size(), result.seasonLength()), "test metrics", season, out);
        if (!result.backtest().isEmpty()) {
            out.printf("%nbacktest (%d folds over the test part, %s)%n", result.backtest().size(),
                    result.backtest().get(0).refit() ? "retrained at each origin" : "one model");
            out.printf("%-6s%-14s%10s%14s%14s%10s%n", "fold", "origin", "windows", "rmse", "naive rmse", "skill");
            double rmse = 0;
            double foldSkill = 0;
            for (var fold : result.backtest()) {
                Evaluation e = fold.evaluation();
                out.printf(Locale.ROOT, "%-6d%-14s%10d%14.6g%14.6g%10.3f%n", fold.fold(), fold.label(), fold.windows(), e.model().rmse(), e.baselines().get("naive").rmse(), e.skillVsNaive());
                rmse += e.model().rmse();
                foldSkill += e.skillVsNaive();
            }
            out.printf(Locale.ROOT, "%-20s%10s%14.6g%14s%10.3f%n", "mean", "", rmse / result.backtest().size(), "",
                    foldSkill / result.backtest().size());
        }
        lagWarning(result.test(), out);
    }

    /**
     * The metrics table of {@code scorecard}: one column for the model and one per baseline, the skill line and where
     * the season length came from ({@code seasonSource}).
     */
    static void metrics(Scorecard scorecard, String title, String seasonSource, PrintWriter out) {
        Evaluation evaluation = scorecard.evaluation();
        List<String> names = new ArrayList<>(List.of("model"));
        List<Metrics> columns = new ArrayList<>(List.of(evaluation.model()));
        for (Map.Entry<String, Metrics> baseline : evaluation.baselines().entrySet()) {
            names.add(baseline.getKey());
            columns.add(baseline.getValue());
        }
        out.printf("%n%s (%d windows, in the data's units)%n", title, scorecard.windows());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s", "metric"));
        names.forEach(name -> header.append(String.format(Locale.ROOT, "%16s", name)));
        out.println(header);
        row(out, "rmse", columns, Metrics::rmse);
        row(out, "mae", columns, Metrics::mae);
        row(out, "mse", columns, Metrics::mse);
        row(out, "mape %", columns, Metrics::mape);
        row(out, "smape %", columns, Metrics::smape);
        row(out, "mase", columns, evaluation::mase);
        double skill = evaluation.skillVsNaive();
        if (Double.isFinite(skill)) {
            out.printf(Locale.ROOT, "skill vs naive: %.3f (1 - rmse/rmse_naive; above 0 beats repeating the last value)%n", skill);
        }
        out.printf("season length: %d (%s)%n", scorecard.seasonLength(), seasonSource);
    }

    /** The lag check's warning, when {@code evaluation} fails it. */
    static void lagWarning(Evaluation evaluation, PrintWriter out) {
        if (evaluation.lagging()) {
            out.println();
            out.println("WARNING: " + Diagnostics.laggingMessage(evaluation));
        }
    }

    private static void row(PrintWriter out, String name, List<Metrics> columns, ToDoubleFunction<Metrics> metric) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s", name));
        for (Metrics m : columns) {
            double value = metric.applyAsDouble(m);
            line.append(Double.isFinite(value) ? String.format(Locale.ROOT, "%16.6g", value) : String.format("%16s", "n/a"));
        }
        out.println(line);
    }
}
