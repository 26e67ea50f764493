package org.lstm4j.core.many;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.FutureForecast;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.core.PreparedData;
import org.lstm4j.data.CsvSeriesReader;
import org.lstm4j.data.LongFormatSeries;

/**
 * Forecasts past the end of every series of a long-format CSV with the models of a many-series run directory
 * ({@code lstm predict RUN_DIR --input CSV}): each series with its own {@code series/<dir>/model.zip}.
 */
public final class ManySeriesForecasts {
    private ManySeriesForecasts() {}

    /**
     * One series' forecast.
     *
     * @param id       the series id
     * @param forecast its steps after its last row, in its units
     */
    public record SeriesForecast(String id, FutureForecast forecast) {}

    /** Whether {@code directory} is a many-series run directory (it has {@code metrics.csv} and {@code series/}). */
    public static boolean isManySeriesRun(Path directory) {
        return Files.isRegularFile(directory.resolve("metrics.csv")) && Files.isDirectory(directory.resolve(ManySeries.SERIES_DIRECTORY));
    }

    /**
     * The rows of a many-series run directory's {@code metrics.csv}.
     *
     * @throws ExperimentException when it cannot be read as one
     */
    public static List<SeriesRow> rows(Path runDirectory) throws IOException {
        Path file = runDirectory.resolve("metrics.csv");
        try {
            return MetricsCsv.parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new ExperimentException("metrics.csv", file + ": " + e.getMessage());
        }
    }

    /**
     * Forecasts {@code steps} steps of every trained series of {@code runDirectory} found in {@code input} (or of
     * series {@code only} alone when not null), in the run's order.
     *
     * @param notInInput receives the ids of trained series the input does not hold
     * @throws ExperimentException when {@code only} is not a trained series of the run, or a series is too short
     * @throws org.lstm4j.data.DataException naming the file, line and column of a problem of {@code input}
     * @throws org.lstm4j.core.BundleException when a series' model cannot be loaded
     */
    public static List<SeriesForecast> forecast(Path runDirectory, Path input, String only, int steps, List<String> notInInput)
            throws IOException {
        List<SeriesRow> trained = new ArrayList<>();
        List<SeriesRow> all = rows(runDirectory);
        for (SeriesRow row : all) {
            if (row.status() == SeriesStatus.TRAINED && (only == null || row.id().equals(only))) {
                trained.add(row);
            }
        }
        if (only != null && trained.isEmpty()) {
            String known = all.stream().filter(r -> r.id().equals(only)).findFirst()
                    .map(r -> " (it was " + r.status().name().toLowerCase(java.util.Locale.ROOT) + ": " + r.error() + ")")
                    .orElse("; the run's series are listed in " + runDirectory.resolve("metrics.csv"));
            throw new ExperimentException("--series", "'" + only + "' is not a trained series of this run" + known);
        }
        if (trained.isEmpty()) {
            throw new ExperimentException("--series", "the run has no trained series");
        }
        Map<String, LoadedModel> models = new LinkedHashMap<>();
        for (SeriesRow row : trained) {
            models.put(row.id(), ModelBundle.load(runDirectory.resolve(ManySeries.SERIES_DIRECTORY).resolve(row.directory())
                    .resolve("model.zip")));
        }
        try {
            return forecast(models, input, only, steps, notInInput);
        } finally {
            models.values().forEach(m -> m.model().close());
        }
    }

    private static List<SeriesForecast> forecast(Map<String, LoadedModel> models, Path input, String only, int steps,
                                                 List<String> notInInput) {
        DataSpec data = models.values().iterator().next().spec().data();
        SourceSpec.Csv csv = data.source() instanceof SourceSpec.Csv c ? c : SourceSpec.Csv.of(input);
        Map<String, LongFormatSeries> byId = new LinkedHashMap<>();
        for (LongFormatSeries series : CsvSeriesReader.readLong(input, csv.delimiter().charAt(0), data.seriesColumn(),
                csv.timeColumn(), PreparedData.usedColumns(data), data.missing())) {
            byId.put(series.id(), series);
        }
        List<SeriesForecast> out = new ArrayList<>();
        for (var entry : models.entrySet()) {
            LongFormatSeries series = byId.get(entry.getKey());
            if (series == null) {
                notInInput.add(entry.getKey());
                continue;
            }
            try {
                out.add(new SeriesForecast(entry.getKey(), entry.getValue().forecastAhead(series.cleaned(data.missing()), steps)));
            } catch (ExperimentException e) {
                throw new ExperimentException(e.key(), "series '" + entry.getKey() + "': " + e.detail());
            }
        }
        if (only != null && out.isEmpty()) {
            throw new ExperimentException("--series", "no rows of series '" + only + "' in " + input);
        }
        return out;
    }
}
