package org.lstm4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SplitSpec;
import org.lstm4j.api.TrainingSpec;

/**
 * A long-format CSV of four series, rows interleaved by time then id as an export usually is: three trainable ones
 * of different shapes and scales ({@code level/500} also has an id that is no safe directory name) and one too short
 * for the window. The experiment: hidden 4, window 6, horizon 2, 2 epochs.
 */
final class ManySeriesFixture {
    static final List<String> IDS = List.of("wave", "level/500", "zigzag", "short");
    static final List<String> TRAINED = List.of("wave", "level/500", "zigzag");
    static final int ROWS = 48;
    static final int HORIZON = 2;

    private ManySeriesFixture() {}

    static Path writeCsv(Path file) throws IOException {
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

    static ExperimentSpec spec(Path csv) {
        DataSpec data = DataSpec.defaults().withSource(new SourceSpec.Csv(csv, "t", ",")).withSeriesColumn("id")
                .withTarget("y").withWindow(6).withHorizon(HORIZON).withSplit(new SplitSpec(0.6, 0.2, 0.2));
        return ExperimentSpec.defaults().withName("spark-many").withSeed(11).withData(data)
                .withModel(ModelSpec.defaults().withHiddenSize(4).withNumLayers(1))
                .withTraining(TrainingSpec.defaults().withEpochs(2).withBatchSize(BatchSize.of(16)));
    }

    /** The CSV as a Spark user reads it. */
    static Dataset<Row> read(SparkSession spark, Path csv) {
        return spark.read().option("header", true).option("inferSchema", true).csv(csv.toString());
    }

    /** A session builder bound to the loopback interface, without UI. */
    static SparkSession.Builder loopback(String master) {
        return SparkSession.builder().master(master).appName("lstm4j-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
    }

    private static double value(String id, int t) {
        return switch (id) {
            case "wave" -> Math.sin(t * 0.5) + 0.02 * t;
            case "level/500" -> 500 + 400 * Math.sin(t * 0.3);
            case "zigzag" -> 3 * Math.cos(t * 0.7) + (t % 5) * 0.1;
            default -> t * 0.5;
        };
    }
}
