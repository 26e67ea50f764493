package org.lstm4j.core.many;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SplitSpec;
import org.lstm4j.api.TrainingSpec;

/**
 * A long-format CSV of six series whose rows are interleaved (t, then id): {@code a} (a small sine), {@code b} (the
 * same shape around 500, a thousand times wider: a scaler fitted on all series would squash {@code a}), {@code c/../x}
 * (an id that is no safe directory name), {@code short} (8 rows: too short for the window), {@code flat} (constant)
 * and {@code gap} (one missing value). The experiment: hidden 4, window 6, 2 epochs.
 */
final class LongCsvFixture {
    static final List<String> IDS = List.of("a", "b", "c/../x", "short", "flat", "gap");
    static final List<String> TRAINED = List.of("a", "b", "c/../x");
    static final int ROWS = 60;

    private LongCsvFixture() {}

    static double value(String id, int t) {
        return switch (id) {
            case "a" -> Math.sin(t * 0.5) + 0.02 * t;
            case "b" -> 500 + 400 * Math.sin(t * 0.3);
            case "c/../x" -> 3 * Math.cos(t * 0.7) + (t % 5) * 0.1;
            case "flat" -> 4.0;
            default -> t * 0.5;
        };
    }

    static Path write(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("id,t,y\n");
        for (int t = 0; t < ROWS; t++) {
            for (String id : IDS) {
                if (id.equals("short") && t >= 8) {
                    continue;
                }
                String cell = id.equals("gap") && t == 20 ? "" : Double.toString(value(id, t));
                csv.append(id).append(',').append(t).append(',').append(cell).append('\n');
            }
        }
        return Files.writeString(dir.resolve("long.csv"), csv);
    }

    static ExperimentSpec spec(Path csv) {
        DataSpec data = DataSpec.defaults().withSource(new SourceSpec.Csv(csv, "t", ",")).withSeriesColumn("id")
                .withTarget("y").withWindow(6).withSplit(new SplitSpec(0.6, 0.2, 0.2));
        return ExperimentSpec.defaults().withName("many").withSeed(7).withData(data)
                .withModel(ModelSpec.defaults().withHiddenSize(4).withNumLayers(1))
                .withTraining(TrainingSpec.defaults().withEpochs(2).withBatchSize(BatchSize.of(16)));
    }
}
