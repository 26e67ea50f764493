package org.lstm4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lstm4j.api.DataSpec;
import org.lstm4j.core.AtomicFiles;
import org.lstm4j.core.BundleException;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.FutureForecast;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.core.many.ManySeries;
import org.lstm4j.core.many.ManySeriesForecasts;
import org.lstm4j.core.many.SeriesRow;
import org.lstm4j.core.many.SeriesStatus;
import org.lstm4j.data.DataException;
import org.lstm4j.data.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lstm predict BUNDLE --input CSV [--steps N] [--output FILE]}: forecasts past the last row of a CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Forecast the N steps after the last row of a CSV file with a trained model bundle (model.zip). "
                + "A model whose only input is its target feeds its forecasts back; a model with other inputs forecasts "
                + "at most its horizon.")
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "a model bundle written by lstm train (model.zip)")
    private Path bundle;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "CSV",
            description = "the recent history: a CSV file with the columns the model was trained on")
    private Path input;

    @Option(names = {"-n", "--steps"}, paramLabel = "N", description = "steps to forecast (default: the model's horizon)")
    private Integer steps;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the forecast CSV here (default: standard output)")
    private Path output;

    @Option(names = "--series", paramLabel = "ID", description = "with a many-series run directory as BUNDLE: forecast "
            + "this series only (default: every trained series)")
    private String series;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (ManySeriesForecasts.isManySeriesRun(bundle)) {
                return predictMany(out, err);
            }
            if (series != null) {
                err.println("lstm predict: --series needs a many-series run directory (lstm train with data.series_column) as BUNDLE, "
                        + "not " + bundle);
                return LstmCommand.BAD_INPUT;
            }
            LoadedModel model = ModelBundle.load(bundle);
            DataSpec data = model.spec().data();
            Series history = BundleData.read(input, data);
            int n = steps == null ? data.horizon() : steps;
            if (n < 1) {
                err.println("lstm predict: --steps must be >= 1, was " + n);
                return LstmCommand.BAD_INPUT;
            }
            FutureForecast forecast = model.forecastAhead(history, n);
            return emit(csv(forecast, data.targetColumn()), n, out);
        } catch (BundleException | DataException e) {
            err.println("lstm predict: " + e.getMessage());
            return LstmCommand.BAD_INPUT;
        } catch (ExperimentException e) {
            err.println("lstm predict: " + (e.key().startsWith("--") ? e.key() : input) + ": " + e.detail());
            return LstmCommand.BAD_INPUT;
        } finally {
            err.flush();
        }
    }

    /** Every trained series of a many-series run (or {@code --series ID}'s) in one CSV with a series column. */
    private int predictMany(PrintWriter out, PrintWriter err) throws IOException {
        if (steps != null && steps < 1) {
            err.println("lstm predict: --steps must be >= 1, was " + steps);
            return LstmCommand.BAD_INPUT;
        }
        List<String> absent = new ArrayList<>();
        List<SeriesRow> rows = ManySeriesForecasts.rows(bundle);
        LoadedModel first = ModelBundle.load(firstTrained(rows));
        first.model().close();
        int n = steps == null ? first.spec().data().horizon() : steps;
        var forecasts = ManySeriesForecasts.forecast(bundle, input, series, n, absent);
        if (!absent.isEmpty()) {
            err.println("lstm predict: " + input + " has no rows of " + absent.size() + " trained series, not forecast: "
                    + String.join(", ", absent));
        }
        StringBuilder text = new StringBuilder("series,time,").append(first.spec().data().targetColumn()).append('\n');
        for (var f : forecasts) {
            for (int k = 0; k < f.forecast().values().length; k++) {
                text.append(csvField(f.id())).append(',').append(f.forecast().labels().get(k)).append(',')
                        .append(f.forecast().values()[k]).append('\n');
            }
        }
        return emit(text.toString(), n, out);
    }

    private Path firstTrained(List<SeriesRow> rows) {
        return rows.stream().filter(r -> r.status() == SeriesStatus.TRAINED).findFirst()
                .map(r -> bundle.resolve(ManySeries.SERIES_DIRECTORY).resolve(r.directory()).resolve("model.zip"))
                .orElseThrow(() -> new ExperimentException("--series", "the run has no trained series"));
    }

    private int emit(String text, int n, PrintWriter out) throws IOException {
        if (output == null) {
            out.print(text);
        } else {
            AtomicFiles.writeString(output, text);
            out.println("forecast of " + n + " steps written to " + output);
        }
        out.flush();
        return LstmCommand.OK;
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String csv(FutureForecast forecast, String target) {
        StringBuilder text = new StringBuilder("time,").append(target).append('\n');
        for (int k = 0; k < forecast.values().length; k++) {
            text.append(forecast.labels().get(k)).append(',').append(forecast.values()[k]).append('\n');
        }
        return text.toString();
    }
}
