package org.lstm4j.core;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An extra file (or files) of a run directory, such as plots and a report, written into the run's
 * temporary directory before it is moved into place.
 */
@FunctionalInterface
public interface RunArtifact {

    /**
     * Writes into {@code directory}, which already holds the standard files of the run.
     *
     * @param result    the run
     * @param directory the run directory being written
     */
    void write(ExperimentResult result, Path directory) throws IOException;
}
