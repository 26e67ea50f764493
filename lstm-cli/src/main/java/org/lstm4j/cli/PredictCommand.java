package org.lstm4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lstm4j.api.DataSpec;
import org.lstm4j.core.AtomicFiles;
import org.lstm4j.core.BundleException;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.FutureForecast;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;
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

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            LoadedModel model = ModelBundle.load(bundle);
            DataSpec data = model.spec().data();
            Series series = BundleData.read(input, data);
            int n = steps == null ? data.horizon() : steps;
            if (n < 1) {
                err.println("lstm predict: --steps must be >= 1, was " + n);
                return LstmCommand.BAD_INPUT;
            }
            FutureForecast forecast = model.forecastAhead(series, n);
            String text = csv(forecast, data.targetColumn());
            if (output == null) {
                out.print(text);
                out.flush();
            } else {
                AtomicFiles.writeString(output, text);
                out.println("forecast of " + n + " steps written to " + output);
                out.flush();
            }
            return LstmCommand.OK;
        } catch (BundleException | DataException e) {
            err.println("lstm predict: " + e.getMessage());
            return LstmCommand.BAD_INPUT;
        } catch (ExperimentException e) {
            err.println("lstm predict: " + input + ": " + e.detail());
            return LstmCommand.BAD_INPUT;
        } finally {
            err.flush();
        }
    }

    private static String csv(FutureForecast forecast, String target) {
        StringBuilder text = new StringBuilder("time,").append(target).append('\n');
        for (int k = 0; k < forecast.values().length; k++) {
            text.append(forecast.labels().get(k)).append(',').append(forecast.values()[k]).append('\n');
        }
        return text.toString();
    }
}
