package org.lstm4j.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.lstm4j.api.Backend;
import org.lstm4j.api.Backends;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.core.FutureForecast;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.many.SeriesOutcome;
import org.lstm4j.core.many.SeriesTask;
import org.lstm4j.core.remote.ShippedSpec;
import scala.Tuple2;

/**
 * The work of one Spark task: the rows of its partition (one series, keyed by the series' index) become the series,
 * {@link SeriesTask#run} trains and evaluates it on the backend loaded in the executor, and the trained model
 * forecasts the horizon after the series' last row. Nothing is written to a file.
 */
final class SeriesTrainer implements FlatMapFunction<Iterator<Tuple2<Integer, Row>>, SeriesResult> {
    private static final long serialVersionUID = 1L;
    private final ShippedSpec shipped;
    private transient ExperimentSpec spec;
    private final String seriesColumn;
    private final SeriesRowsOfSpark rebuild;
    private final Map<String, String> directories;

    /**
     * @param directories each id's directory name, computed over all ids as the local run does
     */
    SeriesTrainer(ShippedSpec shipped, String seriesColumn, SeriesRowsOfSpark rebuild, Map<String, String> directories) {
        this.shipped = shipped;
        this.seriesColumn = seriesColumn;
        this.rebuild = rebuild;
        this.directories = new LinkedHashMap<>(directories);
    }

    @Override
    public Iterator<SeriesResult> call(Iterator<Tuple2<Integer, Row>> partition) {
        Map<String, List<Row>> byId = new LinkedHashMap<>();
        partition.forEachRemaining(pair -> byId.computeIfAbsent(pair._2().getAs(seriesColumn).toString(),
                id -> new ArrayList<>()).add(pair._2()));
        Backend backend = Backends.load();
        if (spec == null) {
            spec = shipped.spec();
        }
        List<SeriesResult> out = new ArrayList<>();
        byId.forEach((id, rows) -> out.add(train(id, rows, backend)));
        return out.iterator();
    }

    /** The executor id and process id of this task's JVM. */
    private static String ranIn() {
        SparkEnv env = SparkEnv.get();
        return (env == null ? "?" : env.executorId()) + "@" + ProcessHandle.current().pid();
    }

    private SeriesResult train(String id, List<Row> rows, Backend backend) {
        SeriesOutcome outcome = SeriesTask.run(spec, rebuild.series(id, rows), directories.get(id), backend);
        if (outcome.result() == null) {
            return new SeriesResult(outcome.row(), List.of(), new double[0], ranIn());
        }
        var result = outcome.result();
        try (var model = result.model()) {
            LoadedModel loaded = new LoadedModel(result.spec(), result.data().scalers(), model);
            FutureForecast ahead = loaded.forecastAhead(result.data().series(), spec.data().horizon());
            return new SeriesResult(outcome.row(), ahead.labels(), ahead.values(), ranIn());
        }
    }
}
