package org.lstm4j.core.many;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.Backends;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.core.Experiment;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.ExperimentResult;
import org.lstm4j.core.RunDirectory;
import org.lstm4j.data.LongFormatSeries;
import org.lstm4j.data.Scaler;

/**
 * A many-series run with real DL4J training (hidden 4, window 6, 2 epochs): the split, the per-series scaler, the
 * files, the rows and the summary, the skipped series, parallel equal to sequential, resume.
 */
class ManySeriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static ExperimentSpec spec;
    private static ManySeriesRun parallel;
    private static ManySeriesRun sequential;

    @BeforeAll
    static void runTwice() throws Exception {
        spec = LongCsvFixture.spec(LongCsvFixture.write(dir));
        List<SeriesRow> announced = new ArrayList<>();
        parallel = ManySeries.run(spec, Backends.load(), dir.resolve("parallel"), 3, false, announced::add);
        assertThat(announced).hasSize(LongCsvFixture.IDS.size());
        sequential = ManySeries.run(spec, Backends.load(), dir.resolve("sequential"), 1, false, row -> { });
    }

    @Test
    void theFileIsSplitIntoOneSeriesPerIdInFirstRowOrderEachInFileOrder() {
        List<LongFormatSeries> series = ManySeries.read(spec.data());
        assertThat(series).extracting(LongFormatSeries::id).containsExactlyElementsOf(LongCsvFixture.IDS);
        LongFormatSeries b = series.get(1);
        assertThat(b.raw().column("y")).containsExactly(IntStream.range(0, LongCsvFixture.ROWS)
                .mapToDouble(t -> LongCsvFixture.value("b", t)).toArray());
        assertThat(b.raw().timeLabels()).containsExactlyElementsOf(IntStream.range(0, LongCsvFixture.ROWS)
                .mapToObj(Integer::toString).toList());
        assertThat(series.get(3).raw().length()).isEqualTo(8);
        assertThat(Double.isNaN(series.get(5).raw().column("y")[20])).isTrue();
    }

    @Test
    void eachSeriesScalerIsFittedOnItsOwnTrainPartOnly() {
        LongFormatSeries a = ManySeries.read(spec.data()).get(0);
        SeriesOutcome outcome = SeriesTask.run(spec, a, "a", Backends.load());
        try (var model = outcome.result().model()) {
            var data = outcome.result().data();
            int trainEnd = data.split().train().to();
            double[] own = a.raw().column("y");
            assertThat(data.targetScaler()).isEqualTo(Scaler.fit(spec.data().scaler(), own, 0, trainEnd));
            // fitted on every series' train rows, b's values around 500 would set the range instead
            double[] allTrainRows = ManySeries.read(spec.data()).stream().filter(s -> s.raw().length() >= trainEnd)
                    .flatMapToDouble(s -> Arrays.stream(s.raw().column("y"), 0, trainEnd)).filter(v -> !Double.isNaN(v)).toArray();
            assertThat(data.targetScaler()).isNotEqualTo(Scaler.fit(spec.data().scaler(), allTrainRows, 0, allTrainRows.length));
            assertThat(data.targetScaler().transform(Arrays.stream(own, 0, trainEnd).max().orElseThrow())).isEqualTo(1.0);
        }
    }

    @Test
    void theRunWritesASeriesDirectoryPerTrainedSeriesAndARowPerSeries() throws IOException {
        Path run = parallel.directory();
        assertThat(run.resolve("experiment.yaml")).isRegularFile();
        assertThat(RunDirectory.partialOf(run)).doesNotExist();
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        assertThat(lines.get(0)).isEqualTo("series,directory,status,rows,rmse,mae,mase,naive_rmse,naive_mae,skill,epochs,error");
        assertThat(lines).hasSize(1 + LongCsvFixture.IDS.size());
        List<SeriesRow> rows = MetricsCsv.parse(Files.readString(run.resolve("metrics.csv")));
        assertThat(rows).isEqualTo(parallel.rows());
        assertThat(rows).extracting(SeriesRow::id).containsExactlyElementsOf(LongCsvFixture.IDS);
        Map<String, String> names = SeriesDirectories.of(LongCsvFixture.IDS);
        try (var children = Files.list(run.resolve("series"))) {
            assertThat(children.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(LongCsvFixture.TRAINED.stream().map(names::get).toList());
        }
        for (SeriesRow row : rows) {
            assertThat(row.directory()).isEqualTo(names.get(row.id()));
            if (!LongCsvFixture.TRAINED.contains(row.id())) {
                assertThat(row.status()).as(row.id()).isEqualTo(SeriesStatus.SKIPPED);
                assertThat(Double.isNaN(row.rmse())).isTrue();
                continue;
            }
            assertThat(row.status()).as(row.id()).isEqualTo(SeriesStatus.TRAINED);
            Path series = run.resolve("series").resolve(row.directory());
            for (String file : List.of("metrics.json", "predictions.csv", "model.zip", "history.csv", "experiment.yaml")) {
                assertThat(series.resolve(file)).as(row.id() + " " + file).isRegularFile();
            }
            JsonNode metrics = JSON.readTree(series.resolve("metrics.json").toFile());
            assertThat(metrics.at("/test/rmse").asDouble()).isEqualTo(row.rmse());
            assertThat(metrics.at("/baselines/naive/rmse").asDouble()).isEqualTo(row.naiveRmse());
            assertThat(metrics.at("/test/skill").asDouble()).isEqualTo(row.skill()).isEqualTo(1 - row.rmse() / row.naiveRmse());
            assertThat(metrics.at("/epochs_run").asInt()).isEqualTo(row.epochs()).isEqualTo(2);
            assertThat(metrics.at("/seed").asLong()).isEqualTo(SeriesSeeds.of(7, row.id()));
        }
        assertThat(names.get("c/../x")).doesNotContain("/");
    }

    @Test
    void unusableSeriesAreSkippedWithTheirReason() {
        Map<String, SeriesRow> byId = byId(parallel.rows());
        assertThat(byId.get("short").error()).startsWith("data.window: window 6 + horizon 1 leaves no sample in the train part");
        assertThat(byId.get("short").rows()).isEqualTo(8);
        assertThat(byId.get("flat").error()).startsWith("constant: every value of 'y' is 4.0");
        assertThat(byId.get("gap").error()).contains("long.csv:").contains("column 'y': missing value");
    }

    @Test
    void theSummaryIsComputedFromTheRows() throws IOException {
        List<SeriesRow> rows = MetricsCsv.parse(Files.readString(parallel.directory().resolve("metrics.csv")));
        double[] skills = rows.stream().filter(r -> r.status() == SeriesStatus.TRAINED).mapToDouble(SeriesRow::skill).toArray();
        assertThat(skills).hasSize(3);
        double mean = (skills[0] + skills[1] + skills[2]) / 3;
        Arrays.sort(skills);
        JsonNode summary = JSON.readTree(parallel.directory().resolve("metrics.json").toFile()).get("summary");
        assertThat(summary.get("series").asInt()).isEqualTo(6);
        assertThat(summary.get("trained").asInt()).isEqualTo(3);
        assertThat(summary.get("skipped").asInt()).isEqualTo(3);
        assertThat(summary.get("failed").asInt()).isZero();
        assertThat(summary.get("mean_skill").asDouble()).isEqualTo(mean);
        assertThat(summary.get("median_skill").asDouble()).isEqualTo(skills[1]);
        long beat = Arrays.stream(skills).filter(s -> s > 0).count();
        assertThat(summary.get("beat_naive").asInt()).isEqualTo(beat);
        assertThat(summary.get("beat_naive_share").asDouble()).isEqualTo(beat / 3.0);
        assertThat(parallel.summary().describe()).startsWith("series: 6 (3 trained, 3 skipped, 0 failed)\n");
    }

    @Test
    void aParallelRunEqualsASequentialOneBitForBit() throws IOException {
        Path p = parallel.directory();
        Path s = sequential.directory();
        assertThat(Files.readString(p.resolve("metrics.csv"))).isEqualTo(Files.readString(s.resolve("metrics.csv")));
        for (SeriesRow row : parallel.rows()) {
            if (row.status() != SeriesStatus.TRAINED) {
                continue;
            }
            Path a = p.resolve("series").resolve(row.directory());
            Path b = s.resolve("series").resolve(row.directory());
            assertThat(Files.readString(a.resolve("predictions.csv"))).as(row.id())
                    .isEqualTo(Files.readString(b.resolve("predictions.csv")));
            assertThat(zipEntries(a.resolve("model.zip"))).as(row.id()).hasSize(4)
                    .containsExactlyEntriesOf(zipEntries(b.resolve("model.zip")));
            assertThat(losses(p.resolve("series").resolve(row.directory()))).as(row.id())
                    .isEqualTo(losses(s.resolve("series").resolve(row.directory())));
        }
    }

    @Test
    void aSeriesTrainsAloneAsInTheRun() {
        LongFormatSeries b = ManySeries.read(spec.data()).get(1);
        ExperimentResult alone = Experiment.run(SeriesTask.specFor(spec, "b"), b.cleaned(spec.data().missing()), Backends.load(),
                TrainingListener.NONE);
        try (var model = alone.model()) {
            assertThat(alone.test().model().rmse()).isEqualTo(byId(parallel.rows()).get("b").rmse());
        }
    }

    @Test
    void aResumedRunTrainsOnlyTheSeriesNotFinishedAndEndsTheSame() throws Exception {
        Path target = dir.resolve("resumed");
        Path partialSeries = RunDirectory.partialOf(target).resolve("series");
        Files.createDirectories(partialSeries);
        String aDirectory = SeriesDirectories.of(LongCsvFixture.IDS).get("a");
        copy(parallel.directory().resolve("series").resolve(aDirectory), partialSeries.resolve(aDirectory));
        assertThatThrownBy(() -> ManySeries.run(spec, Backends.load(), target, 2, false, row -> { }))
                .isInstanceOf(IllegalStateException.class);
        List<String> trained = new ArrayList<>();
        ManySeriesRun resumed = ManySeries.run(spec, Backends.load(), target, 2, true, row -> trained.add(row.id()));
        assertThat(resumed.resumed()).isEqualTo(1);
        assertThat(trained).doesNotContain("a").hasSize(LongCsvFixture.IDS.size() - 1);
        assertThat(Files.readString(target.resolve("metrics.csv"))).isEqualTo(Files.readString(parallel.directory().resolve("metrics.csv")));
    }

    @Test
    void aManySeriesSpecIsRefusedByTheOneSeriesRunAndByTuning() {
        assertThatThrownBy(() -> Experiment.run(spec, Backends.load(), TrainingListener.NONE))
                .isInstanceOf(ExperimentException.class).hasMessageContaining("data.series_column");
        assertThatThrownBy(() -> org.lstm4j.core.Tuner.assignments(spec))
                .isInstanceOf(org.lstm4j.core.config.ConfigException.class).hasMessageContaining("data.series_column");
    }

    /** Each entry's bytes by name, in the zip's order (the entries' times are when they were written). */
    private static Map<String, String> zipEntries(Path zip) throws IOException {
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        try (var file = new java.util.zip.ZipFile(zip.toFile())) {
            for (var entry : java.util.Collections.list(file.entries())) {
                entries.put(entry.getName(), java.util.HexFormat.of().formatHex(file.getInputStream(entry).readAllBytes()));
            }
        }
        return entries;
    }

    /** history.csv without its seconds column, the one that changes from run to run. */
    private static List<String> losses(Path seriesDirectory) throws IOException {
        return Files.readAllLines(seriesDirectory.resolve("history.csv")).stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }

    private static Map<String, SeriesRow> byId(List<SeriesRow> rows) {
        Map<String, SeriesRow> byId = new java.util.HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
