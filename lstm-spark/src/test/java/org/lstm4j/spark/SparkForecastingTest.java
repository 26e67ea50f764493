package org.lstm4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.Backends;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SplitSpec;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.core.many.ManySeries;
import org.lstm4j.core.many.ManySeriesForecasts;
import org.lstm4j.core.many.ManySeriesRun;
import org.lstm4j.core.many.SeriesRow;
import org.lstm4j.core.many.SeriesStatus;

/**
 * Spark on {@code local[2]} against the local many-series run, both with real DL4J training (hidden 4, window 6,
 * 2 epochs) of the same long-format CSV: three trainable series of different shapes and one too short for the window.
 */
class SparkForecastingTest {
    private static final List<String> IDS = List.of("wave", "level/500", "zigzag", "short");
    private static final int ROWS = 48;
    private static final int HORIZON = 2;

    @TempDir
    static Path dir;
    private static Path csv;
    private static ExperimentSpec spec;
    private static ManySeriesRun local;
    private static SparkSession spark;
    private static SparkForecasts onSpark;

    @BeforeAll
    static void trainLocallyAndOnSpark() throws Exception {
        csv = writeCsv(dir.resolve("long.csv"));
        DataSpec data = DataSpec.defaults().withSource(new SourceSpec.Csv(csv, "t", ",")).withSeriesColumn("id")
                .withTarget("y").withWindow(6).withHorizon(HORIZON).withSplit(new SplitSpec(0.6, 0.2, 0.2));
        spec = ExperimentSpec.defaults().withName("spark-many").withSeed(11).withData(data)
                .withModel(ModelSpec.defaults().withHiddenSize(4).withNumLayers(1))
                .withTraining(TrainingSpec.defaults().withEpochs(2).withBatchSize(BatchSize.of(16)));
        local = ManySeries.run(spec, Backends.load(), dir.resolve("local"), 2, false, row -> { });
        spark = SparkSession.builder().master("local[2]").appName("lstm4j-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        Dataset<Row> table = spark.read().option("header", true).option("inferSchema", true).csv(csv.toString());
        onSpark = SparkForecasting.trainEach(table, spec);
    }

    @AfterAll
    static void stopSpark() {
        try {
            if (onSpark != null) {
                onSpark.close();
            }
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
    }

    @Test
    void perSeriesMetricsEqualTheLocalRunsExactly() {
        List<SeriesRow> expected = new ArrayList<>(local.rows());
        expected.sort(Comparator.comparing(SeriesRow::id));
        List<SeriesRow> actual = onSpark.seriesRows();
        assertThat(actual).hasSize(IDS.size()).containsExactlyElementsOf(expected);
        assertThat(actual.stream().filter(r -> r.status() == SeriesStatus.TRAINED)).hasSize(3);
        assertThat(actual.stream().filter(r -> r.id().equals("short")).findFirst().orElseThrow().status())
                .isEqualTo(SeriesStatus.SKIPPED);
        assertThat(onSpark.summary()).isEqualTo(local.summary());
    }

    @Test
    void eachSeriesTrainedInATaskOfItsOwn() {
        List<Integer> seriesPerPartition = onSpark.results().glom().map(List::size).collect();
        assertThat(seriesPerPartition).hasSize(IDS.size()).containsOnly(1);
    }

    @Test
    void theMetricsTableHasMetricsCsvsColumnsWithNullForWhatWasNotComputed() {
        Dataset<Row> metrics = onSpark.metrics();
        assertThat(metrics.columns()).containsExactly("series", "directory", "status", "rows", "rmse", "mae", "mase",
                "naive_rmse", "naive_mae", "skill", "epochs", "error");
        Row skipped = metrics.filter("series = 'short'").first();
        assertThat(skipped.isNullAt(skipped.fieldIndex("rmse"))).isTrue();
        assertThat(skipped.<String>getAs("error")).isNotEmpty();
        assertThat(metrics.filter("series = 'level/500'").first().<String>getAs("directory")).startsWith("level_500-");
    }

    @Test
    void forecastsHoldTheHorizonOfEveryTrainedSeriesAsLstmPredictGivesIt() throws Exception {
        List<Row> rows = onSpark.forecasts().collectAsList();
        assertThat(rows).hasSize(3 * HORIZON);
        Map<String, List<Row>> byId = rows.stream().collect(Collectors.groupingBy(r -> r.getString(0)));
        assertThat(byId).containsOnlyKeys("wave", "level/500", "zigzag");
        List<String> notInInput = new ArrayList<>();
        for (var expected : ManySeriesForecasts.forecast(local.directory(), csv, null, HORIZON, notInInput)) {
            List<Row> series = byId.get(expected.id());
            assertThat(series).extracting(r -> r.getInt(2)).containsExactly(1, 2);
            assertThat(series).extracting(r -> r.getString(1)).containsExactlyElementsOf(expected.forecast().labels());
            assertThat(series.stream().mapToDouble(r -> r.getDouble(3)).toArray()).containsExactly(expected.forecast().values());
        }
        assertThat(notInInput).isEmpty();
        assertThat(byId.get("wave")).extracting(r -> r.getString(1)).containsExactly(Integer.toString(ROWS), Integer.toString(ROWS + 1));
    }

    @Test
    void aTableWithoutTheSeriesColumnIsRefusedNamingIt() {
        Dataset<Row> noId = spark.read().option("header", true).option("inferSchema", true).csv(csv.toString()).drop("id");
        assertThatThrownBy(() -> SparkForecasting.trainEach(noId, spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'id'");
    }

    private static double value(String id, int t) {
        return switch (id) {
            case "wave" -> Math.sin(t * 0.5) + 0.02 * t;
            case "level/500" -> 500 + 400 * Math.sin(t * 0.3);
            case "zigzag" -> 3 * Math.cos(t * 0.7) + (t % 5) * 0.1;
            default -> t * 0.5;
        };
    }

    /** Rows interleaved by time, then id, as a long-format export usually is. */
    private static Path writeCsv(Path file) throws Exception {
        StringBuilder text = new StringBuilder("id,t,y\n");
        for (int t = 0; t < ROWS; t++) {
            for (String id : IDS) {
                if (!id.equals("short") || t < 8) {
                    text.append(id).append(',').append(t).append(',').append(value(id, t)).append('\n');
                }
            }
        }
        return Files.writeString(file, text);
    }
}
