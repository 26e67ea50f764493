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
import java.util.Optional;
import java.util.stream.Stream;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainingResult;
import org.lstm4j.core.config.SpecWriter;

/**
 * Writes a run directory, a contract other tools read:
 * {@code experiment.yaml}, {@code metrics.json}, {@code history.csv}, {@code predictions.csv}, {@code model.zip}.
 * Everything is written into the sibling {@code DIR.partial} first ({@link #partialOf}), the run's working
 * directory where its checkpoint is kept while it trains, and renamed to {@code DIR} only when complete: a crash never
 * leaves a half-written {@code DIR}, only a {@code DIR.partial} that {@code lstm train --resume} continues.
 */
public final class RunDirectory {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final java.util.regex.Pattern STAMPED = java.util.regex.Pattern.compile("\\d{8}-\\d{6}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunDirectory() {}

    /** The directory of a many-series run's series directories, what an unfinished one resumes from. */
    public static final String MANY_SERIES_DIRECTORY = "series";

    /** The suffix of a run's working directory beside its final one. */
    public static final String PARTIAL_SUFFIX = ".partial";

    /** {@code <output.dir>/<name>-<yyyyMMdd-HHmmss>}. */
    public static Path defaultLocation(ExperimentSpec spec, LocalDateTime now) {
        return spec.output().dir().resolve(spec.name() + "-" + STAMP.format(now));
    }

    /**
     * The working directory of the run that will be {@code directory}: its sibling {@code <name>.partial}, where the
     * checkpoint is kept while training and the files are written before the rename.
     */
    public static Path partialOf(Path directory) {
        Path target = directory.toAbsolutePath().normalize();
        return target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
    }

    /**
     * The run directory of the newest unfinished run of {@code spec} in its default location: the newest
     * {@code <output.dir>/<name>-<yyyyMMdd-HHmmss>.partial} that holds a checkpoint (or the {@code series/} of a
     * many-series run), without its suffix; empty when
     * there is none.
     */
    public static Optional<Path> newestUnfinished(ExperimentSpec spec) throws IOException {
        Path parent = spec.output().dir().toAbsolutePath().normalize();
        if (!Files.isDirectory(parent)) {
            return Optional.empty();
        }
        String prefix = spec.name() + "-";
        try (Stream<Path> children = Files.list(parent)) {
            return children.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(PARTIAL_SUFFIX))
                    .filter(n -> STAMPED.matcher(n.substring(prefix.length(), n.length() - PARTIAL_SUFFIX.length())).matches())
                    .filter(n -> Files.isRegularFile(parent.resolve(n).resolve(Checkpointing.FILE))
                            || Files.isDirectory(parent.resolve(n).resolve(MANY_SERIES_DIRECTORY)))
                    .max(Comparator.naturalOrder())
                    .map(n -> parent.resolve(n.substring(0, n.length() - PARTIAL_SUFFIX.length())));
        }
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
            if (!isEmpty(target)) {
                throw new IOException(target + " exists and is not empty; choose another --output");
            }
            Files.delete(target);
        }
        Path partial = partialOf(target);
        Files.createDirectories(partial);
        Path checkpoint = partial.resolve(Checkpointing.FILE);
        deleteAllBut(partial, checkpoint); // what an earlier write killed half-way left
        try {
            Files.writeString(partial.resolve("experiment.yaml"), SpecWriter.toYaml(result.spec()));
            Files.write(partial.resolve("metrics.json"), JSON.writeValueAsBytes(metricsTree(result)));
            Files.writeString(partial.resolve("history.csv"), historyCsv(result.training()));
            Files.writeString(partial.resolve("predictions.csv"), predictionsCsv(result.testForecast()));
            ModelBundle.save(result, partial.resolve("model.zip"));
            for (RunArtifact extra : extras) {
                extra.write(result, partial);
            }
            Files.deleteIfExists(checkpoint);
            AtomicFiles.move(partial, target);
        } catch (IOException | RuntimeException e) {
            if (Files.isDirectory(partial)) {
                deleteAllBut(partial, checkpoint); // the checkpoint stays, to resume from
                if (isEmpty(partial)) {
                    Files.delete(partial);
                }
            }
            throw e;
        }
        return target;
    }

    /**
     * Whether {@code directory} is a finished run directory or holds anything else: what a new run must not be
     * written over.
     */
    public static boolean isOccupied(Path directory) throws IOException {
        return Files.isDirectory(directory) ? !isEmpty(directory) : Files.exists(directory);
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.findAny().isEmpty();
        }
    }

    /** Deletes everything in {@code directory} but {@code keep}. */
    private static void deleteAllBut(Path directory, Path keep) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.filter(c -> !c.equals(keep)).toList()) {
                deleteRecursively(child);
            }
        }
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
    public static void deleteRecursively(Path path) throws IOException {
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
