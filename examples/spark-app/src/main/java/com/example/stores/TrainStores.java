package com.example.stores;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.core.config.ExperimentLoader;
import org.lstm4j.core.many.ManySeries;
import org.lstm4j.core.many.ManySeriesRun;
import org.lstm4j.spark.SparkWorkPlace;

/**
 * Trains one model per series of a many-series experiment, one Spark task per series, and writes the run directory
 * on the driver, as {@code lstm train} does: {@code TrainStores EXPERIMENT.yaml RUN_DIRECTORY}.
 */
public final class TrainStores {
    private TrainStores() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TrainStores EXPERIMENT.yaml RUN_DIRECTORY");
            System.exit(2);
        }
        ExperimentSpec spec = ExperimentLoader.load(Path.of(args[0])).spec();
        SparkSession spark = SparkSession.builder().appName("train " + spec.name()).getOrCreate(); // spark-submit gave the master
        try (SparkWorkPlace place = SparkWorkPlace.of(spark)) {
            ManySeriesRun run = ManySeries.run(spec, ManySeries.read(spec.data()), place, Path.of(args[1]), false,
                    row -> System.out.println(row.id() + ": " + row.status().name().toLowerCase() + " " + row.error()));
            System.out.print(run.summary().describe());
            System.out.println("ran in " + String.join(", ", place.processesUsed()));
            System.out.println("run directory: " + run.directory());
        } finally {
            spark.stop();
        }
    }
}
