package org.lstm4j.core;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import org.lstm4j.core.remote.DirectoryFiles;
import org.lstm4j.core.remote.RemoteWork;
import org.lstm4j.core.remote.ShippedSpec;
import org.lstm4j.tuning.TrialOutcome;

/**
 * One trial of a search as a piece of remote work: the trial trains there exactly as {@link Tuner}'s local trials
 * do (the same code, into a scratch directory; the data is read from {@code data.source} at the same path), and its
 * outcome and the files of its run directory come back for the driver to write.
 */
final class RemoteTrial implements RemoteWork<RemoteTrial.Job, RemoteTrial.Piece> {
    private static final long serialVersionUID = 1L;

    /**
     * @param base       the search's experiment
     * @param assignment the trial's dotted paths and values
     * @param directory  the trial directory's name ({@code trial-007})
     * @param metric     {@code tuning.metric}
     */
    record Job(ShippedSpec base, LinkedHashMap<String, Object> assignment, String directory, String metric)
            implements Serializable {}

    /** What comes back: the outcome's parts and the trial directory's files. */
    record Piece(double metric, int epochsRun, LinkedHashMap<String, Double> extra, TreeMap<String, byte[]> files)
            implements Serializable {
        TrialOutcome outcome() {
            return new TrialOutcome(metric, epochsRun, extra);
        }
    }

    @Override
    public Piece apply(Job job) throws Exception {
        TuningMetric metric = TuningMetric.parse(job.metric()).orElseThrow();
        Path scratch = Files.createTempDirectory("lstm4j-trial-");
        try {
            Path trialDirectory = scratch.resolve(job.directory());
            TrialOutcome outcome = Tuner.trainTrial(job.base().spec(), job.assignment(), trialDirectory, metric);
            return new Piece(outcome.metric(), outcome.epochsRun(), new LinkedHashMap<>(outcome.extra()),
                    DirectoryFiles.read(trialDirectory));
        } finally {
            RunDirectory.deleteRecursively(scratch);
        }
    }
}
