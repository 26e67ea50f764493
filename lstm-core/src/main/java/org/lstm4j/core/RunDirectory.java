package org.lstm4j.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainingResult;
import org.lstm4j.core.config.SpecWriter;

/**
 * Writes a run directory, a contract other tools read:
 * {@code experiment.yaml}, {@code metrics.json}, {@code history.csv}, {@code predictions.csv}, {@code model.zip}.
 * Everything is written into a hidden temporary sibling first and renamed into place, so a crash
 * never leaves a half-written run.
 */
public final class RunDirectory {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunDirectory() {}

    /** {@code <output.dir>/<name>-<yyyyMMdd-HHmmss>}. */
    public static Path defaultLocation(ExperimentSpec spec, LocalDateTime now) {
        return spec.output().dir().resolve(spec.name() + "-" + STAMP.format(now));
    }

    /**
     * Writes the run of {@code result} to {@code directory}, which must not exist or be empty.
     *
     * @return the directory written
     */
    public static Path write(ExperimentResult result, Path directory) throws IOException {
        return write(result, directory, List.of());
    }

    /**
     * Writes the run of {@code result} and the {@code extras} to {@code directory}, which must not exist or be empty.
     *
     * @return the directory written
     */
    public static Path write(ExperimentResult result, Path directory, List<RunArtifact> extras) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            try (Stream<Path> children = Files.list(target)) {
                if (children.findAny().isPresent()) {
                    throw new IOException(target + " exists and is not empty; choose another --output");
                }
            }
            Files.delete(target);
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
        try {
            Files.writeString(temporary.resolve("experiment.yaml"), SpecWriter.toYaml(result.spec()));
            Files.write(temporary.resolve("metrics.json"), JSON.writeValueAsBytes(metricsTree(result)));
            Files.writeString(temporary.resolve("history.csv"), historyCsv(result.training()));
            Files.writeString(temporary.resolve("predictions.csv"), predictionsCsv(result.testForecast()));
            ModelBundle.save(result, temporary.resolve("model.zip"));
            for (RunArtifact extra : extras) {
                extra.write(result, temporary);
            }
            AtomicFiles.move(temporary, target);
        } finally {
            deleteRecursively(temporary);
        }
        return target;
    }

    /** The content of {@code metrics.json}. */
    public static Map<String, Object> metricsTree(ExperimentResult result) {
        TrainingResult training = result.training();
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("test", MetricsTree.part(result.test()));
        tree.put("validation", result.validation() == null ? null : MetricsTree.part(result.validation()));
        tree.put("baselines", MetricsTree.baselines(result.test()));
        tree.put("season_length", result.seasonLength());
        if (!result.backtest().isEmpty()) {
            tree.put("backtest", backtestTree(result.backtest()));
        }
        tree.put("diagnostics", MetricsTree.diagnostics(result.test()));
        tree.put("epochs_run", training.epochsRun());
        tree.put("best_epoch", training.bestEpoch());
        tree.put("stop_reason", training.stopReason().name().toLowerCase(Locale.ROOT));
        tree.put("train_seconds", training.trainSeconds());
        tree.put("backend", SystemInfo.of(training.backend()).toTree());
        tree.put("seed", training.seed());
        return tree;
    }

    private static Map<String, Object> backtestTree(List<BacktestFold> folds) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("refit", folds.get(0).refit());
        List<Map<String, Object>> rows = new ArrayList<>();
        double[] sums = new double[4];
        for (BacktestFold fold : folds) {
            Evaluation e = fold.evaluation();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("fold", fold.fold());
            row.put("origin", fold.label());
            row.put("windows", fold.windows());
            row.putAll(MetricsTree.metrics(e.model(), e));
            row.put("skill", MetricsTree.finite(e.skillVsNaive()));
            row.put("naive_rmse", MetricsTree.finite(e.baselines().get("naive").rmse()));
            rows.add(row);
            sums[0] += e.model().rmse();
            sums[1] += e.model().mae();
            sums[2] += e.mase(e.model());
            sums[3] += e.skillVsNaive();
        }
        tree.put("folds", rows);
        Map<String, Object> mean = new LinkedHashMap<>();
        mean.put("rmse", MetricsTree.finite(sums[0] / folds.size()));
        mean.put("mae", MetricsTree.finite(sums[1] / folds.size()));
        mean.put("mase", MetricsTree.finite(sums[2] / folds.size()));
        mean.put("skill", MetricsTree.finite(sums[3] / folds.size()));
        tree.put("mean", mean);
        return tree;
    }

    static String historyCsv(TrainingResult training) {
        StringBuilder out = new StringBuilder("epoch,train_loss,val_loss,learning_rate,seconds\n");
        for (EpochResult e : training.history()) {
            out.append(e.epoch()).append(',').append(number(e.trainLoss())).append(',').append(number(e.valLoss()))
                    .append(',').append(number(e.learningRate())).append(',').append(number(e.seconds())).append('\n');
        }
        return out.toString();
    }

    static String predictionsCsv(Forecast forecast) {
        int horizon = forecast.actual().length == 0 ? 1 : forecast.actual()[0].length;
        StringBuilder out = new StringBuilder("time");
        for (String column : new String[] {"actual", "predicted"}) {
            for (int step = 1; step <= horizon; step++) {
                out.append(',').append(column).append(horizon == 1 ? "" : "_t+" + step);
            }
        }
        out.append('\n');
        for (int i = 0; i < forecast.size(); i++) {
            out.append(csvField(forecast.labels()[i]));
            for (double value : forecast.actual()[i]) {
                out.append(',').append(number(value));
            }
            for (double value : forecast.predicted()[i]) {
                out.append(',').append(number(value));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Deletes {@code path} and everything below it; nothing if it does not exist. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
