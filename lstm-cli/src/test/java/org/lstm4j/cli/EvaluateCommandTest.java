package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.DataSpec;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.core.Forecast;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.data.ChronologicalSplit;
import org.lstm4j.data.CsvSeriesReader;
import org.lstm4j.data.Series;

/** {@code lstm evaluate} on bundles trained by {@code lstm train}: real files, real DL4J models. */
class EvaluateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path history;
    static Trained uni;
    static Trained diff;
    static Trained synthetic;

    /** A run of {@code lstm train}: its bundle, its metrics.json and what it printed. */
    record Trained(Path bundle, JsonNode metrics, String out) {}

    @BeforeAll
    static void train() throws IOException {
        history = dir.resolve("history.csv");
        Files.writeString(history, csv(160, 0.0, 20));
        uni = train("uni", "source: {csv: history.csv, time_column: year}\n  target: y\n  features: [y]\n  window: 6\n  horizon: 2",
                "lstm");
        diff = train("diff", "source: {csv: history.csv, time_column: year}\n  target: y\n  features: [y, x]\n  window: 5\n"
                + "  horizon: 3\n  transform: difference", "attention");
        synthetic = train("synthetic", "synthetic: {function: sine, end: 30.0, noise: 0.05}\n  window: 6", "lstm");
    }

    /** {@code year,y,x}: y a noisy-looking cycle of {@code amplitude} with a trend, x a cosine. */
    private static String csv(int rows, double phase, double amplitude) {
        StringBuilder csv = new StringBuilder("year,y,x\n");
        for (int i = 0; i < rows; i++) {
            double t = i * 0.4 + phase;
            csv.append(1900 + i).append(',').append(50 + amplitude * Math.sin(t) + 0.05 * i + 2 * Math.sin(i * 1.7)).append(',')
                    .append(Math.cos(t)).append('\n');
        }
        return csv.toString();
    }

    private static Trained train(String name, String data, String architecture) throws IOException {
        Path yaml = dir.resolve(name + ".yaml");
        Files.writeString(yaml, """
                name: %s
                seed: 3
                data:
                  %s
                model: {architecture: %s, hidden_size: 8, num_layers: 1}
                training: {epochs: 3, batch_size: 32}
                output: {plots: false}
                """.formatted(name, data, architecture));
        Path run = dir.resolve(name + "-run");
        CliRun result = CliRun.of("train", yaml.toString(), "--output", run.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new Trained(run.resolve("model.zip"), JSON.readTree(run.resolve("metrics.json").toFile()), result.out());
    }

    private static JsonNode evaluateJson(String... args) throws IOException {
        String[] all = new String[args.length + 2];
        all[0] = "evaluate";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = "--json";
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return JSON.readTree(run.out());
    }

    @Test
    void theTestPartReproducesTheRunsMetrics() throws IOException {
        for (Trained trained : List.of(uni, diff, synthetic)) {
            JsonNode evaluated = evaluateJson(trained.bundle().toString());
            assertThat(evaluated.get("test")).as(trained.bundle().toString()).isEqualTo(trained.metrics().get("test"));
            assertThat(evaluated.get("baselines")).isEqualTo(trained.metrics().get("baselines"));
            assertThat(evaluated.get("season_length")).isEqualTo(trained.metrics().get("season_length"));
            assertThat(evaluated.get("diagnostics")).isEqualTo(trained.metrics().get("diagnostics"));
            assertThat(evaluated.get("test").get("rmse").asDouble()).isPositive();
        }
        JsonNode csvData = evaluateJson(uni.bundle().toString());
        assertThat(csvData.get("data").asText()).isEqualTo(history.toAbsolutePath().normalize().toString());
        long testRows = Files.readAllLines(uni.bundle().resolveSibling("predictions.csv")).size() - 1;
        assertThat(csvData.get("windows").asLong()).isEqualTo(testRows);
        assertThat(evaluateJson(synthetic.bundle().toString()).get("data").asText()).contains("synthetic").contains("seed 3");
    }

    @Test
    void theTablePrintsWhatLstmTrainPrinted() {
        CliRun run = CliRun.of("evaluate", diff.bundle().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("evaluating " + diff.bundle() + " on the test part of " + history.toAbsolutePath().normalize());
        assertThat(table(run.out())).isEqualTo(table(diff.out())).contains("seasonal_naive").contains("skill vs naive");
    }

    /** The lines from "test metrics" to "season length" of a command's output. */
    private static String table(String out) {
        int from = out.indexOf("test metrics (");
        int to = out.indexOf('\n', out.indexOf("season length: "));
        assertThat(from).as(out).isNotNegative();
        return out.substring(from, to);
    }

    @Test
    void anotherCsvIsScoredOnAllItsWindowsAsComputedDirectly() throws IOException {
        Path other = dir.resolve("other.csv");
        Files.writeString(other, csv(90, 1.3, 14));
        JsonNode evaluated = evaluateJson(uni.bundle().toString(), "--input", other.toString());
        assertThat(evaluated.has("test")).isFalse();
        JsonNode metrics = evaluated.get("input");
        assertThat(metrics.get("rmse").asDouble()).isNotEqualTo(uni.metrics().get("test").get("rmse").asDouble());
        assertThat(evaluated.get("windows").asInt()).isEqualTo(90 - 6 - 2 + 1);
        assertThat(evaluated.get("data").asText()).isEqualTo(other.toString());

        LoadedModel model = ModelBundle.load(uni.bundle());
        Series series = CsvSeriesReader.read(other, ',', "year", List.of("y"), model.spec().data().missing());
        Forecast forecast = model.forecast(series, new ChronologicalSplit.Part(0, series.length()));
        assertThat(forecast.size()).isEqualTo(83);
        int last = forecast.size() - 1;
        Series upToLastWindow = new Series(List.of("y"), new double[][] {java.util.Arrays.copyOf(series.column("y"), 88)}, null);
        double[] alone = model.forecastAhead(upToLastWindow, 2).values();
        for (int step = 0; step < 2; step++) { // one window takes the plain-Java float32 path: equal to float precision
            assertThat(alone[step]).isCloseTo(forecast.predicted()[last][step], within(1e-6 * Math.abs(alone[step])));
        }

        double squared = 0;
        double absolute = 0;
        double naiveSquared = 0;
        int n = 0;
        for (int i = 0; i < forecast.size(); i++) {
            for (int step = 0; step < 2; step++) {
                double error = forecast.predicted()[i][step] - forecast.actual()[i][step];
                double naiveError = forecast.actual()[i][step] - series.column("y")[i + 5];
                squared += error * error;
                absolute += Math.abs(error);
                naiveSquared += naiveError * naiveError;
                n++;
            }
        }
        double rmse = Math.sqrt(squared / n);
        double naiveRmse = Math.sqrt(naiveSquared / n);
        assertThat(metrics.get("rmse").asDouble()).isCloseTo(rmse, within(1e-9 * rmse));
        assertThat(metrics.get("mae").asDouble()).isCloseTo(absolute / n, within(1e-9 * rmse));
        assertThat(evaluated.get("baselines").get("naive").get("rmse").asDouble()).isCloseTo(naiveRmse, within(1e-9 * rmse));
        assertThat(metrics.get("skill").asDouble()).isCloseTo(1 - rmse / naiveRmse, within(1e-9));

        int season = evaluated.get("season_length").asInt();
        double[] y = series.column("y");
        double scale = 0;
        for (int t = season; t < y.length; t++) {
            scale += Math.abs(y[t] - y[t - season]);
        }
        scale /= y.length - season;
        assertThat(metrics.get("mase").asDouble()).isCloseTo(absolute / n / scale, within(1e-9));
        assertThat(metrics.get("per_step")).hasSize(2);
    }

    @Test
    void theJsonHasMetricsJsonsKeys() throws IOException {
        JsonNode evaluated = evaluateJson(uni.bundle().toString());
        assertThat(names(evaluated)).containsExactly("bundle", "data", "windows", "test", "baselines", "season_length", "diagnostics");
        assertThat(names(evaluated.get("test"))).containsExactly("rmse", "mae", "mse", "mape", "smape", "mase", "skill", "per_step");
        assertThat(names(evaluated.get("test").get("per_step").get(0))).containsExactly("step", "rmse", "mae", "mse", "mape", "smape", "mase");
        assertThat(names(evaluated.get("baselines"))).containsExactly("naive", "seasonal_naive");
        assertThat(names(evaluated.get("diagnostics"))).containsExactly("lagging", "lag_rmse", "message");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aBundleCopiedBesideItsDataFindsItThere() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(history, elsewhere.resolve("history.csv"));
        Path moved = elsewhere.resolve("model.zip");
        trainedElsewhere(uni.bundle(), moved, Path.of("/no/such/dir/history.csv"));
        JsonNode evaluated = evaluateJson(moved.toString());
        assertThat(evaluated.get("data").asText()).isEqualTo(elsewhere.resolve("history.csv").toString());
        assertThat(evaluated.get("test")).isEqualTo(uni.metrics().get("test"));
    }

    @Test
    void badInputGetsOneLineAndExitCodeTwo() throws IOException {
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "not a zip at all");
        assertOneLine(CliRun.of("evaluate", text.toString()), text.toString());

        Path future = dir.resolve("future.zip");
        rewrite(uni.bundle(), future, "format.json", json -> json.replaceFirst("\"format_version\" : 1", "\"format_version\" : 99"));
        assertOneLine(CliRun.of("evaluate", future.toString()), "bundle format version 99 is not supported");

        Path lacking = dir.resolve("lacking.csv");
        Files.writeString(lacking, "year,x\n2000,1\n2001,2\n");
        assertOneLine(CliRun.of("evaluate", diff.bundle().toString(), "--input", lacking.toString()), "lacking.csv", "'y'", "year, x");

        Path shortCsv = dir.resolve("short.csv");
        Files.writeString(shortCsv, csv(7, 0, 20));
        assertOneLine(CliRun.of("evaluate", uni.bundle().toString(), "--input", shortCsv.toString()), "short.csv", "no complete window",
                "reads 6 rows");

        Path orphan = dir.resolve("orphan").resolve("model.zip");
        Files.createDirectories(orphan.getParent());
        trainedElsewhere(uni.bundle(), orphan, Path.of("/no/such/dir/gone.csv"));
        assertOneLine(CliRun.of("evaluate", orphan.toString(), "--json"), "/no/such/dir/gone.csv, is not found",
                "nor is " + orphan.resolveSibling("gone.csv") + " beside the bundle", "--input CSV", "columns year, y");
    }

    private static void assertOneLine(CliRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(run.err()).startsWith("lstm evaluate: ").contains(fragments).doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    /** Saves the model of bundle {@code from} as {@code to}, as if it had been trained on {@code csv}. */
    private static void trainedElsewhere(Path from, Path to, Path csv) throws IOException {
        LoadedModel model = ModelBundle.load(from);
        DataSpec data = model.spec().data();
        SourceSpec.Csv source = ((SourceSpec.Csv) data.source()).withCsv(csv);
        ModelBundle.save(new LoadedModel(model.spec().withData(data.withSource(source)), model.scalers(), model.model()), "dl4j", to);
        model.model().close();
    }

    /** Copies the bundle {@code from} to {@code to} with one entry's text changed. */
    private static void rewrite(Path from, Path to, String entryName, UnaryOperator<String> change) throws IOException {
        try (InputStream in = Files.newInputStream(from); ZipInputStream zip = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(to); ZipOutputStream copy = new ZipOutputStream(out)) {
            boolean changed = false;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                if (entry.getName().equals(entryName)) {
                    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    String edited = change.apply(text);
                    assertThat(edited).as("the edit of " + entryName).isNotEqualTo(text);
                    bytes = edited.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    changed = true;
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(bytes);
                copy.closeEntry();
            }
            assertThat(changed).as(entryName + " in " + from).isTrue();
        }
    }
}
