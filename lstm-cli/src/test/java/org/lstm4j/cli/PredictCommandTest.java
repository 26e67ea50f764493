package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.DataSpec;
import org.lstm4j.core.FutureForecast;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.data.CsvSeriesReader;
import org.lstm4j.data.Series;

/** {@code lstm predict} on bundles trained by {@code lstm train}: real files, real models. */
class PredictCommandTest {
    @TempDir
    static Path dir;

    static Path univariate;
    static Path multivariate;
    static Path history;

    @BeforeAll
    static void train() throws IOException {
        StringBuilder csv = new StringBuilder("year,y,x\n");
        for (int i = 0; i < 150; i++) {
            csv.append(1900 + i).append(',').append(50 + 20 * Math.sin(i * 0.4)).append(',').append(Math.cos(i * 0.4)).append('\n');
        }
        history = dir.resolve("history.csv");
        Files.writeString(history, csv);
        univariate = trainBundle("uni", "features: [y]");
        multivariate = trainBundle("multi", "features: [y, x]");
    }

    private static Path trainBundle(String name, String features) throws IOException {
        Path yaml = dir.resolve(name + ".yaml");
        Files.writeString(yaml, """
                data:
                  source: {csv: history.csv, time_column: year}
                  target: y
                  %s
                  window: 6
                  horizon: 2
                model: {hidden_size: 8, num_layers: 1}
                training: {epochs: 4, batch_size: 32}
                output: {plots: false}
                """.formatted(features));
        Path run = dir.resolve(name + "-run");
        CliRun result = CliRun.of("train", yaml.toString(), "--output", run.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        return run.resolve("model.zip");
    }

    @Test
    void forecastsPastTheLastRowWithExtendedTimeLabels() throws IOException {
        Path out = dir.resolve("forecast.csv");
        CliRun result = CliRun.of("predict", univariate.toString(), "--input", history.toString(), "--steps", "5", "--output", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("time,y");
        assertThat(lines.subList(1, 6)).extracting(line -> line.split(",")[0]).containsExactly("2050", "2051", "2052", "2053", "2054");
        assertThat(lines.subList(1, 6)).allSatisfy(line -> assertThat(Double.parseDouble(line.split(",")[1])).isBetween(0.0, 100.0));
    }

    @Test
    void aUnivariateModelFeedsItsForecastsBack() {
        LoadedModel model = ModelBundle.load(univariate);
        DataSpec data = model.spec().data();
        Series series = CsvSeriesReader.read(history, ',', "year", List.of("y"), data.missing());
        FutureForecast four = model.forecastAhead(series, 4);
        FutureForecast two = model.forecastAhead(series, 2);
        assertThat(Arrays.copyOf(four.values(), 2)).containsExactly(two.values());
        double[] extended = Arrays.copyOf(series.column("y"), series.length() + 2);
        extended[series.length()] = two.values()[0];
        extended[series.length() + 1] = two.values()[1];
        Series withForecast = new Series(List.of("y"), new double[][] {extended}, null);
        assertThat(Arrays.copyOfRange(four.values(), 2, 4)).containsExactly(model.forecastAhead(withForecast, 2).values());
    }

    @Test
    void aMultivariateModelRefusesMoreStepsThanItsHorizon() {
        CliRun ok = CliRun.of("predict", multivariate.toString(), "--input", history.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out().lines()).hasSize(3);
        CliRun refused = CliRun.of("predict", multivariate.toString(), "--input", history.toString(), "--steps", "3");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("forecasts 2 step(s) at once").contains("future values of its other inputs")
                .doesNotContain("\tat ");
    }

    @Test
    void badBundlesAndShortInputsAreRefusedWithExitCodeTwo() throws IOException {
        Path corrupt = dir.resolve("corrupt.zip");
        Files.writeString(corrupt, "PK but not really");
        CliRun notBundle = CliRun.of("predict", corrupt.toString(), "--input", history.toString());
        assertThat(notBundle.exitCode()).isEqualTo(2);
        assertThat(notBundle.err()).contains("corrupt.zip").doesNotContain("\tat ");

        Path truncated = dir.resolve("truncated.zip");
        byte[] bundle = Files.readAllBytes(univariate);
        Files.write(truncated, java.util.Arrays.copyOf(bundle, bundle.length / 2));
        CliRun cut = CliRun.of("predict", truncated.toString(), "--input", history.toString());
        assertThat(cut.exitCode()).isEqualTo(2);
        assertThat(cut.err()).contains(truncated + ": the model bundle is truncated or corrupt (unexpected end of zip data)")
                .doesNotContain("null");

        Path shortCsv = dir.resolve("short.csv");
        Files.writeString(shortCsv, "year,y\n2000,1\n2001,2\n2002,3\n");
        CliRun tooShort = CliRun.of("predict", univariate.toString(), "--input", shortCsv.toString());
        assertThat(tooShort.exitCode()).isEqualTo(2);
        assertThat(tooShort.err()).contains("short.csv").contains("has 3 rows").contains("last 6");

        Path missingColumn = dir.resolve("other.csv");
        Files.writeString(missingColumn, "year,z\n2000,1\n");
        CliRun noColumn = CliRun.of("predict", univariate.toString(), "--input", missingColumn.toString());
        assertThat(noColumn.exitCode()).isEqualTo(2);
        assertThat(noColumn.err()).contains("'y'").contains("year, z");
    }
}
