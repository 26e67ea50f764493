package org.lstm4j.core.config;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.data.CsvSeriesReader;
import org.lstm4j.data.DataException;

/** Checks that a CSV source exists and has the columns the experiment names, listing those it has. */
final class CsvColumns {
    private CsvColumns() {}

    /**
     * @param csv      the source
     * @param target   the target column, or null when not given
     * @param features the feature columns
     * @param seriesColumn the column naming each row's series, or null for a file that is one series
     * @param at       where each key was written
     */
    static List<ConfigProblem> check(SourceSpec.Csv csv, String target, List<?> features, String seriesColumn, Locations at) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (!Files.isRegularFile(csv.csv())) {
            problems.add(at.problem("data.source.csv", "no such file: " + csv.csv()));
            return problems;
        }
        if (target == null) {
            problems.add(at.problem("data.target", "missing: name the column to forecast"));
        }
        List<String> header;
        try {
            header = CsvSeriesReader.readHeader(csv.csv(), csv.delimiter().charAt(0));
        } catch (DataException e) {
            problems.add(at.problem("data.source.csv", e.getMessage()));
            return problems;
        }
        String fileName = csv.csv().getFileName().toString();
        String columns = "; its columns are: " + String.join(", ", header);
        if (csv.timeColumn() != null && !header.contains(csv.timeColumn())) {
            problems.add(at.problem("data.source.time_column", "no column '" + csv.timeColumn() + "' in " + fileName + columns));
        }
        if (target != null && !header.contains(target)) {
            problems.add(at.problem("data.target", "no column '" + target + "' in " + fileName + columns));
        }
        if (seriesColumn != null && !header.contains(seriesColumn)) {
            problems.add(at.problem("data.series_column", "no column '" + seriesColumn + "' in " + fileName + columns));
        } else if (seriesColumn != null && (seriesColumn.equals(target) || features.contains(seriesColumn))) {
            problems.add(at.problem("data.series_column", "'" + seriesColumn + "' names the series, so it cannot also be "
                    + "the target or a feature"));
        }
        for (int i = 0; i < features.size(); i++) {
            Object feature = features.get(i);
            if (!header.contains(String.valueOf(feature))) {
                problems.add(at.problem("data.features[" + i + "]", "no column '" + feature + "' in " + fileName + columns));
            }
        }
        return problems;
    }
}
