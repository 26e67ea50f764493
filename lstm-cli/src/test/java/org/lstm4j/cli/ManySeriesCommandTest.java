package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.data.CsvSeriesReader;
import org.lstm4j.data.LongFormatSeries;

/** {@code lstm train} and {@code lstm predict} on a long-format file with {@code data.series_column}, as a user runs them. */
class ManySeriesCommandTest {
    private static final String EXPERIMENT = """
            name: shops
            seed: 3
            data:
              source: {csv: shops.csv, time_column: week}
              series_column: shop
              target: sold
              window: 6
              split: {train: 0.6, validation: 0.2, test: 0.2}
            model: {hidden_size: 4, num_layers: 1}
            training: {epochs: 2, batch_size: 16}
            output: {plots: false}
            """;

    @TempDir
    Path dir;

    /** Shops {@code north} and {@code south} with 50 weeks each, {@code kiosk} with 5 (too short); rows interleaved. */
    private Path writeShops() throws IOException {
        StringBuilder csv = new StringBuilder("shop,week,sold\n");
        for (int w = 0; w < 50; w++) {
            csv.append("north,").append(w).append(',').append(20 + 5 * Math.sin(w * 0.8)).append('\n');
            csv.append("south,").append(w).append(',').append(100 + w + 10 * Math.cos(w * 0.4)).append('\n');
            if (w < 5) {
                csv.append("kiosk,").append(w).append(',').append(w).append('\n');
            }
        }
        return Files.writeString(dir.resolve("shops.csv"), csv);
    }

    /** {@code lstm train} of the experiment with {@code from} replaced by {@code to}, into {@code run}. */
    private CliRun trainChanged(String from, String to, Path run) throws IOException {
        writeShops();
        Path yaml = Files.writeString(dir.resolve("shops.yaml"), EXPERIMENT.replace(from, to));
        return CliRun.of("train", yaml.toString(), "--output", run.toString());
    }

    @Test
    void trainWritesARunPerSeriesAndPredictForecastsEveryTrainedSeries() throws IOException {
        Path csv = writeShops();
        Path yaml = Files.writeString(dir.resolve("shops.yaml"), EXPERIMENT);
        Path run = dir.resolve("run");
        CliRun train = CliRun.of("train", yaml.toString(), "--output", run.toString(), "--parallelism", "2");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("3 series, 2 at a time").contains("] north: trained, 2 epochs")
                .contains("] kiosk: skipped: data.window: window 6 + horizon 1 leaves no sample in the train part")
                .contains("series: 3 (2 trained, 1 skipped, 0 failed)\n").contains("run directory: " + run);
        assertThat(run.resolve("series/north/model.zip")).isRegularFile();
        assertThat(run.resolve("series/kiosk")).doesNotExist();

        CliRun all = CliRun.of("predict", run.toString(), "--input", csv.toString(), "--steps", "3");
        assertThat(all.exitCode()).as(all.err()).isZero();
        List<String> lines = all.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("series,time,sold");
        assertThat(lines).hasSize(1 + 2 * 3);
        assertThat(lines.subList(1, 4)).allMatch(l -> l.startsWith("north,")).first().asString().startsWith("north,50,");
        assertThat(lines.subList(4, 7)).allMatch(l -> l.startsWith("south,"));

        // each line is the forecast of that series' own model over that series' own rows
        LongFormatSeries south = CsvSeriesReader.readLong(csv, ',', "shop", "week", List.of("sold"),
                org.lstm4j.api.DataSpec.MissingPolicy.ERROR).get(1);
        var model = ModelBundle.load(run.resolve("series/south/model.zip"));
        double[] expected = model.forecastAhead(south.raw(), 3).values();
        model.model().close();
        assertThat(lines.subList(4, 7)).containsExactly("south,50," + expected[0], "south,51," + expected[1], "south,52," + expected[2]);

        CliRun one = CliRun.of("predict", run.toString(), "--input", csv.toString(), "--steps", "3", "--series", "south");
        assertThat(one.exitCode()).isZero();
        assertThat(one.out().lines().toList()).containsExactlyElementsOf(
                java.util.stream.Stream.concat(lines.subList(0, 1).stream(), lines.subList(4, 7).stream()).toList());

        // a killed run that had finished north: refused without --resume, continued with it, the same in the end
        Path killed = dir.resolve("killed");
        Path partialNorth = Files.createDirectories(dir.resolve("killed.partial/series/north"));
        try (var files = Files.list(run.resolve("series/north"))) {
            for (Path file : files.toList()) {
                Files.copy(file, partialNorth.resolve(file.getFileName()));
            }
        }
        CliRun refused = CliRun.of("train", yaml.toString(), "--output", killed.toString());
        assertThat(refused.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(refused.err()).isEqualTo("lstm: " + dir.resolve("killed.partial") + " holds an unfinished many-series run; "
                + "continue it with --resume, or delete " + dir.resolve("killed.partial") + " to start again\n");
        CliRun resumed = CliRun.of("train", yaml.toString(), "--output", killed.toString(), "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("1 series were already finished").doesNotContain("] north:");
        assertThat(Files.readString(killed.resolve("metrics.csv"))).isEqualTo(Files.readString(run.resolve("metrics.csv")));

        CliRun skipped = CliRun.of("predict", run.toString(), "--input", csv.toString(), "--series", "kiosk");
        assertThat(skipped.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(skipped.err()).startsWith("lstm predict: --series: 'kiosk' is not a trained series of this run (it was skipped: ")
                .hasLineCount(1);
    }

    @Test
    void aSeriesColumnTheFileDoesNotHaveIsOneLineNamingFileAndColumn() throws IOException {
        Path run = dir.resolve("run");
        CliRun train = trainChanged("series_column: shop", "series_column: store", run);
        assertThat(train.exitCode()).isEqualTo(LstmCommand.BAD_INPUT);
        assertThat(train.err().lines().findFirst().orElseThrow()).contains("shops.yaml:").contains("data.series_column")
                .contains("no column 'store' in shops.csv").doesNotContain("Exception");
        assertThat(train.err()).doesNotContain("\tat ");
        assertThat(run).doesNotExist();
        assertThat(dir.resolve("run.partial")).doesNotExist();
    }

    @Test
    void aRunWhereNoSeriesTrainsExitsOne() throws IOException {
        Path run = dir.resolve("run");
        CliRun train = trainChanged("window: 6", "window: 45", run);
        assertThat(train.exitCode()).as(train.out()).isEqualTo(LstmCommand.FAILED);
        assertThat(train.out()).contains("series: 3 (0 trained, 3 skipped, 0 failed)\nskill vs naive: no series trained\n");
        assertThat(run.resolve("metrics.csv")).isRegularFile();
    }
}
