package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lstm train} and {@code lstm validate} as a user runs them: real files, real training. */
class TrainCommandTest {
    /** A sine small enough to train in a second; other command tests build theirs from it. */
    static final String SMALL_SINE = """
            name: tiny
            seed: 5
            data:
              synthetic: {function: sine, end: 30.0}
              window: 6
              split: {train: 0.7, validation: 0.15, test: 0.15}
            model: {hidden_size: 12, num_layers: 1}
            training:
              epochs: 20
              batch_size: 32
              optimizer: {learning_rate: 0.02}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void trainsAndWritesTheRunDirectory() throws IOException {
        Path yaml = write("tiny.yaml", SMALL_SINE);
        Path run = dir.resolve("out");
        CliRun result = CliRun.of("train", yaml.toString(), "--output", run.toString());
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("epoch    2/20").contains("epoch   20/20").contains("naive")
                .contains("rmse").contains("run directory: " + run).contains("report: " + run.resolve("report.html"));
        try (Stream<Path> files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("experiment.yaml", "metrics.json",
                    "history.csv", "predictions.csv", "model.zip", "loss.png", "forecast.png", "report.html");
        }
        for (String png : new String[] {"loss.png", "forecast.png"}) {
            byte[] bytes = Files.readAllBytes(run.resolve(png));
            assertThat(java.util.Arrays.copyOf(bytes, 4)).containsExactly(0x89, 'P', 'N', 'G');
            assertThat(bytes.length).isGreaterThan(5_000);
        }
        String report = Files.readString(run.resolve("report.html"));
        assertThat(report).contains("<h1>tiny</h1>").contains("seasonal_naive").contains("Skill vs naive")
                .contains("data:image/png;base64,").contains("hidden_size: 12");
        assertThat(report.split("data:image/png;base64,")).hasSize(3);
        assertThat(Files.readString(run.resolve("experiment.yaml"))).contains("hidden_size: 12").contains("learning_rate: 0.02")
                .contains("beta2: 0.999");
    }

    /** {@code model.recurrent_dropout} from the file: the same seed trains the same run, which differs from 0's. */
    @Test
    void recurrentDropoutFromTheFileChangesTheRunReproducibly() throws IOException {
        String base = SMALL_SINE.replace("epochs: 20", "epochs: 4").replace("num_layers: 1}", "num_layers: 2}")
                + "output: {plots: false}\n";
        Path dropping = write("dropping.yaml", base.replace("num_layers: 2}", "num_layers: 2, recurrent_dropout: 0.3}"));
        List<String> first = trainLosses(dropping, "first");
        List<String> second = trainLosses(dropping, "second");
        List<String> none = trainLosses(write("none.yaml", base), "none");

        assertThat(Files.readString(dir.resolve("first/experiment.yaml"))).contains("recurrent_dropout: 0.3");
        assertThat(first).hasSize(4).isEqualTo(second);
        for (int epoch = 0; epoch < 4; epoch++) {
            assertThat(first.get(epoch)).as("epoch %d", epoch + 1).isNotEqualTo(none.get(epoch));
        }
    }

    @Test
    void recurrentDropoutWithoutTheKernelIsOneLineNamingTheKey() throws IOException {
        Path yaml = write("tiny.yaml", SMALL_SINE.replace("num_layers: 1}", "num_layers: 1, recurrent_dropout: 0.2}"));
        System.setProperty("lstm4j.fastLstm", "false");
        try {
            CliRun result = CliRun.of("train", yaml.toString(), "--output", dir.resolve("out").toString());
            assertThat(result.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
            assertThat(result.err().strip()).doesNotContain("\n").contains("tiny.yaml:7:")
                    .contains("model.recurrent_dropout: 0.2 needs lstm4j's LSTM kernel").contains("-Dlstm4j.fastLstm=false");
            assertThat(dir.resolve("out")).doesNotExist();
        } finally {
            System.clearProperty("lstm4j.fastLstm");
        }
    }

    /** Trains {@code yaml} into {@code name}; the train_loss column of its history.csv. */
    private List<String> trainLosses(Path yaml, String name) throws IOException {
        CliRun result = CliRun.of("train", yaml.toString(), "--output", dir.resolve(name).toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        return Files.readAllLines(dir.resolve(name).resolve("history.csv")).stream().skip(1)
                .map(line -> line.split(",")[1]).toList();
    }

    @Test
    void withoutOutputTheRunGoesToTheOutputDirOfTheFile() throws IOException {
        Path yaml = write("tiny.yaml", SMALL_SINE.replace("epochs: 20", "epochs: 2") + "output: {plots: false}\n");
        CliRun result = CliRun.of("train", yaml.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            assertThat(runs.map(p -> p.getFileName().toString())).singleElement().asString().matches("tiny-\\d{8}-\\d{6}");
        }
    }

    @Test
    void everyConfigProblemIsPrintedWithItsLineAndExitCodeTwo() throws IOException {
        Path yaml = write("bad.yaml", """
                data:
                  synthetic: {function: cosine}
                  windw: 10
                model: {hidden_size: 0}
                training: {epochs: ten}
                """);
        CliRun result = CliRun.of("train", yaml.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).doesNotContain("training '");
        assertThat(result.err()).contains(yaml + ":2:").contains("data.synthetic.function: 'cosine' is not one of: sine")
                .contains(yaml + ":3:3: data.windw: unknown key 'windw'; did you mean 'window'?")
                .contains(yaml + ":4:22: model.hidden_size: must be in [1, 4096], was 0")
                .contains(yaml + ":5:20: training.epochs: expected an integer, was 'ten'")
                .contains("4 problems; nothing was run.")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aWindowLongerThanTheSeriesPointsAtTheWindowLine() throws IOException {
        Path yaml = write("long.yaml", SMALL_SINE.replace("window: 6", "window: 400"));
        CliRun result = CliRun.of("train", yaml.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith(yaml + ":5:11: data.window: window 400 + horizon 1 leaves no sample in the train part");
    }

    @Test
    void aMissingValueInTheCsvNamesFileLineAndColumn() throws IOException {
        StringBuilder csv = new StringBuilder("t,y\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i).append(',').append(i == 17 ? "NaN" : Double.toString(Math.sin(i))).append('\n');
        }
        write("series.csv", csv.toString());
        Path yaml = write("csv.yaml", """
                data:
                  source: {csv: series.csv, time_column: t}
                  target: y
                  window: 4
                training: {epochs: 1}
                """);
        CliRun result = CliRun.of("train", yaml.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("series.csv:19").contains("'y'").contains("missing").doesNotContain("\tat ");
    }

    @Test
    void validateAcceptsAGoodFileAndRefusesABadOne() throws IOException {
        CliRun good = CliRun.of("validate", write("good.yaml", SMALL_SINE).toString());
        assertThat(good.exitCode()).isZero();
        assertThat(good.out()).contains("ok: experiment 'tiny'");
        CliRun bad = CliRun.of("validate", write("bad.yaml", "seed: x\ndata: {synthetic: {}}\n").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.yaml:1:7: seed: expected an integer, was 'x'");
        CliRun missing = CliRun.of("validate", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml: no such file");
    }

    @Test
    void aDivergingRunIsWrittenAndExitsWithOne() throws IOException {
        Path yaml = write("diverge.yaml", SMALL_SINE.replace("epochs: 20", "epochs: 5")
                .replace("optimizer: {learning_rate: 0.02}", "optimizer: {type: sgd, learning_rate: 10.0, momentum: 0.9}\n  l2: 0.0")
                .replace("synthetic: {function: sine, end: 30.0}", "synthetic: {function: sine, end: 30.0}\n  scaler: {type: none}"));
        Path run = dir.resolve("diverged");
        CliRun result = CliRun.of("train", yaml.toString(), "--output", run.toString());
        assertThat(result.err()).contains("lstm: training diverged in epoch 2 (the loss or a weight became NaN or infinite); "
                + "the model of epoch 1, the best before it, was restored, evaluated and saved");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(run.resolve("metrics.json")).content().contains("\"stop_reason\" : \"diverged\"");
        assertThat(CliRun.of("evaluate", run.resolve("model.zip").toString()).out())
                .as("the saved model is epoch 1's, with finite forecasts").containsPattern("rmse\\s+\\d").doesNotContain("NaN");
    }

    @Test
    void severalFeaturesFromACsvWithDatesForecastTwoStepsAhead() throws IOException {
        StringBuilder csv = new StringBuilder("date;load;temperature\n");
        java.time.LocalDate day = java.time.LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 120; i++) {
            csv.append(day.plusDays(i)).append(';').append(100 + 10 * Math.sin(i * 0.3)).append(';')
                    .append(20 + 5 * Math.cos(i * 0.3)).append('\n');
        }
        write("load.csv", csv.toString());
        Path yaml = write("load.yaml", """
                data:
                  source: {csv: load.csv, time_column: date, delimiter: ";"}
                  features: [load, temperature]
                  target: load
                  window: 8
                  horizon: 2
                  scaler: {type: standard}
                model: {hidden_size: 8, num_layers: 1}
                training: {epochs: 3, batch_size: 16}
                """);
        Path run = dir.resolve("load-run");
        CliRun result = CliRun.of("train", yaml.toString(), "--output", run.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        java.util.List<String> predictions = Files.readAllLines(run.resolve("predictions.csv"));
        assertThat(predictions.get(0)).isEqualTo("time,actual_t+1,actual_t+2,predicted_t+1,predicted_t+2");
        // 120 rows, test = rows 102..119; a sample needs both target rows inside: 17 samples, the first at 2024-04-12
        assertThat(predictions).hasSize(18);
        assertThat(predictions.get(1)).startsWith("2024-04-12,");
        String[] first = predictions.get(1).split(",");
        assertThat(Double.parseDouble(first[1])).isCloseTo(100 + 10 * Math.sin(102 * 0.3), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aMistypedCommandIsAUsageErrorWithExitCodeTwo() {
        CliRun result = CliRun.of("trian", "x.yaml");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument").contains("trian");
    }
}
