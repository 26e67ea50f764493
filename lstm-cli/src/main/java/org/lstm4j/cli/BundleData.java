package org.lstm4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.core.PreparedData;
import org.lstm4j.data.CsvSeriesReader;
import org.lstm4j.data.Series;

/**
 * Finds the CSV file a bundle's experiment names, and reads other CSV files as that experiment reads its own. A bundle stores it as the absolute path it had when the model was
 * trained (relative paths of the experiment file are resolved against that file's directory, then written absolute).
 * When that path is gone (the bundle was copied elsewhere), the file is looked for beside the bundle.
 */
final class BundleData {
    private BundleData() {}

    /**
     * The first existing file of: the stored path; a relative stored path against the bundle's directory; the stored
     * file name in the bundle's directory.
     */
    static Optional<Path> locate(Path bundle, SourceSpec.Csv csv) {
        return candidates(bundle, csv).stream().filter(Files::isRegularFile).findFirst();
    }

    /**
     * Reads the used columns of {@code file} as the experiment of {@code data} reads its own CSV (its delimiter and
     * time column; a comma and none for a synthetic experiment), with its missing-value policy.
     *
     * @throws org.lstm4j.data.DataException naming the file, line and column of a problem
     */
    static Series read(Path file, DataSpec data) {
        SourceSpec.Csv csv = data.source() instanceof SourceSpec.Csv c ? c : SourceSpec.Csv.of(file);
        return CsvSeriesReader.read(file, csv.delimiter().charAt(0), csv.timeColumn(), PreparedData.usedColumns(data), data.missing());
    }

    /** Where {@link #locate} looks, in order. */
    static List<Path> candidates(Path bundle, SourceSpec.Csv csv) {
        Path stored = csv.csv();
        Path bundleDirectory = bundle.toAbsolutePath().normalize().getParent();
        LinkedHashSet<Path> candidates = new LinkedHashSet<>();
        candidates.add(stored);
        if (bundleDirectory != null) {
            if (!stored.isAbsolute()) {
                candidates.add(bundleDirectory.resolve(stored).normalize());
            }
            if (stored.getFileName() != null) {
                candidates.add(bundleDirectory.resolve(stored.getFileName()));
            }
        }
        return new ArrayList<>(candidates);
    }
}
