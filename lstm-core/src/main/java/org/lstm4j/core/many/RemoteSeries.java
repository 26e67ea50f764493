package org.lstm4j.core.many;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.lstm4j.api.Backends;
import org.lstm4j.core.RunDirectory;
import org.lstm4j.core.remote.DirectoryFiles;
import org.lstm4j.core.remote.RemoteWork;
import org.lstm4j.core.remote.ShippedSpec;
import org.lstm4j.data.LongFormatSeries;
import org.lstm4j.data.Series;

/**
 * One series of a many-series run as a piece of remote work: the series and the experiment go to a remote process,
 * which trains it exactly as the local run does ({@link ManySeries}'s own code, into a scratch directory) and sends
 * back its {@code metrics.csv} row and the files of its directory, for the driver to write.
 */
final class RemoteSeries implements RemoteWork<RemoteSeries.Job, RemoteSeries.Piece> {
    private static final long serialVersionUID = 1L;

    /**
     * A series as it travels ({@link LongFormatSeries} holds a {@code Path}).
     *
     * @param directory the series' directory name under {@code series/}
     */
    record Job(ShippedSpec experiment, String file, String id, ArrayList<String> columns, double[][] values,
               ArrayList<String> timeLabels, int[] lines, String directory) implements Serializable {
        static Job of(ShippedSpec experiment, LongFormatSeries series, String directory) {
            Series raw = series.raw();
            return new Job(experiment, series.file().toString(), series.id(), new ArrayList<>(raw.columns()), raw.values(),
                    raw.timeLabels() == null ? null : new ArrayList<>(raw.timeLabels()), series.lines(), directory);
        }

        LongFormatSeries series() {
            return new LongFormatSeries(Path.of(file), id, new Series(List.copyOf(columns), values,
                    timeLabels == null ? null : List.copyOf(timeLabels)), lines);
        }
    }

    /**
     * What comes back.
     *
     * @param files the series directory's files, or null when the series was not trained (it then has none)
     */
    record Piece(SeriesRow row, TreeMap<String, byte[]> files) implements Serializable {}

    @Override
    public Piece apply(Job job) throws Exception {
        Path scratch = Files.createTempDirectory("lstm4j-series-");
        try {
            SeriesRow row = ManySeries.trainAndWrite(job.experiment().spec(), Backends.load(), job.series(), job.directory(),
                    scratch);
            Path written = scratch.resolve(job.directory());
            return new Piece(row, Files.isDirectory(written) ? DirectoryFiles.read(written) : null);
        } finally {
            RunDirectory.deleteRecursively(scratch);
        }
    }
}
