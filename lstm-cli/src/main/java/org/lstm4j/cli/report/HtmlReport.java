package org.lstm4j.cli.report;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.lstm4j.api.TrainingResult;
import org.lstm4j.core.Diagnostics;
import org.lstm4j.core.Evaluation;
import org.lstm4j.core.ExperimentResult;
import org.lstm4j.data.Metrics;

/** One self-contained HTML page: experiment, metrics against baselines, diagnostics, plots. */
final class HtmlReport {
    private HtmlReport() {}

    static String render(ExperimentResult result, String experimentYaml, byte[] lossPng, byte[] forecastPng) {
        Evaluation test = result.test();
        TrainingResult training = result.training();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(result.spec().name())).append(" - lstm4j report</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:960px;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}.warn{background:#fff3cd;border:1px solid #e0b000;padding:1em}")
                .append(".ok{background:#e8f5e9;border:1px solid #66bb6a;padding:1em}pre{background:#f6f8fa;padding:1em;overflow:auto}")
                .append("img{max-width:100%}</style></head><body>\n");
        html.append("<h1>").append(escape(result.spec().name())).append("</h1>\n");
        html.append(String.format(Locale.ROOT, "<p>%d epochs (%s), best epoch %d, %.1f s on %s/%s with %d thread(s), seed %d. "
                        + "Test part: %d windows. Season length %d.</p>%n", training.epochsRun(),
                training.stopReason().name().toLowerCase(Locale.ROOT), training.bestEpoch(), training.trainSeconds(),
                escape(training.backend().name()), escape(training.backend().engine()), training.backend().threads(), training.seed(),
                result.testForecast().size(), result.seasonLength()));
        html.append("<h2>Test metrics, in the data's units</h2>\n<table><tr><th>forecast</th><th>RMSE</th><th>MAE</th><th>MSE</th>"
                + "<th>MAPE %</th><th>sMAPE %</th><th>MASE</th></tr>\n");
        row(html, "model", test.model(), test);
        for (Map.Entry<String, Metrics> baseline : test.baselines().entrySet()) {
            row(html, baseline.getKey(), baseline.getValue(), test);
        }
        html.append("</table>\n");
        html.append(String.format(Locale.ROOT, "<p>Skill vs naive: <b>%.3f</b> (1 - RMSE / RMSE of repeating the last value; above 0 "
                + "beats it).</p>%n", test.skillVsNaive()));
        html.append("<h2>Diagnostics</h2>\n");
        if (test.lagging()) {
            html.append("<div class=\"warn\"><b>Lagging forecast.</b> ").append(escape(Diagnostics.laggingMessage(test))).append("</div>\n");
        } else {
            html.append(String.format(Locale.ROOT, "<div class=\"ok\">The forecasts follow the series (RMSE %.4g) better than the series "
                    + "shifted by one step (RMSE %.4g): no lag detected.</div>%n", test.model().rmse(), test.lagRmse()));
        }
        html.append("<h2>Forecast</h2>\n<img alt=\"forecast\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(forecastPng)).append("\">\n");
        html.append("<h2>Training</h2>\n<img alt=\"loss\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(lossPng)).append("\">\n");
        html.append("<h2>Experiment</h2>\n<pre>").append(escape(experimentYaml)).append("</pre>\n</body></html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String name, Metrics m, Evaluation test) {
        html.append("<tr><td>").append(escape(name)).append("</td>");
        for (double value : new double[] {m.rmse(), m.mae(), m.mse(), m.mape(), m.smape(), test.mase(m)}) {
            html.append("<td>").append(Double.isFinite(value) ? String.format(Locale.ROOT, "%.4g", value) : "n/a").append("</td>");
        }
        html.append("</tr>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
