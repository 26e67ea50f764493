package org.lstm4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.Backends;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.core.many.ManySeries;
import org.lstm4j.core.many.ManySeriesForecasts;
import org.lstm4j.core.many.ManySeriesRun;
import org.lstm4j.core.many.SeriesRow;
import org.lstm4j.core.many.SeriesStatus;
import org.lstm4j.data.LongFormatSeries;

/**
 * Spark on {@code local[2]} against the local many-series run, both with real DL4J training of the same long-format
 * CSV ({@link ManySeriesFixture}).
 */
class SparkForecastingTest {
    private static final List<String> IDS = ManySeriesFixture.IDS;
    private static final int ROWS = ManySeriesFixture.ROWS;
    private static final int HORIZON = ManySeriesFixture.HORIZON;

    @TempDir
    static Path dir;
    private static Path csv;
    private static ExperimentSpec spec;
    private static ManySeriesRun local;
    private static SparkSession spark;
    private static SparkForecasts onSpark;

    @BeforeAll
    static void trainLocallyAndOnSpark() throws Exception {
        csv = ManySeriesFixture.writeCsv(dir.resolve("long.csv"));
        spec = ManySeriesFixture.spec(csv);
        local = ManySeries.run(spec, Backends.load(), dir.resolve("local"), 2, false, row -> { });
        spark = ManySeriesFixture.loopback("local[2]").getOrCreate();
        onSpark = SparkForecasting.trainEach(ManySeriesFixture.read(spark, csv), spec);
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
        assertThat(onSpark.results().map(SeriesResult::ranIn).collect()).allMatch(where -> where.startsWith("driver@"));
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
        assertThat(byId).containsOnlyKeys(ManySeriesFixture.TRAINED);
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
    void aSeriesIsRebuiltInTimeOrderWhateverTheOrderOfItsRowsAsTheFileReaderReadsIt() {
        List<Row> newestFirst = ManySeriesFixture.read(spark, csv).filter("id = 'wave'").orderBy(functions.desc("t"))
                .collectAsList();
        LongFormatSeries rebuilt = new SeriesRowsOfSpark("t", List.of("y")).series("wave", newestFirst);
        LongFormatSeries read = ManySeries.read(spec.data()).get(0);
        assertThat(read.id()).isEqualTo("wave");
        assertThat(rebuilt.raw().column("y")).containsExactly(read.raw().column("y"));
        assertThat(rebuilt.raw().timeLabels()).containsExactlyElementsOf(read.raw().timeLabels());
    }

    @Test
    void aTableWithoutTheSeriesColumnIsRefusedNamingIt() {
        Dataset<Row> noId = ManySeriesFixture.read(spark, csv).drop("id");
        assertThatThrownBy(() -> SparkForecasting.trainEach(noId, spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'id'");
    }
}
