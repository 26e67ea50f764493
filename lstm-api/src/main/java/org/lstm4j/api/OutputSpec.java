package org.lstm4j.api;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * Where a run's results go.
 *
 * @param dir   parent of the run directories ({@code <dir>/<name>-<yyyyMMdd-HHmmss>/})
 * @param plots write plots and an HTML report
 */
public record OutputSpec(@NotNull Path dir, boolean plots) {
    public OutputSpec {
        SpecChecks.require(OutputSpec.class, dir, plots);
    }

    /** {@code runs/}, no plots (plots are not implemented yet). */
    public static OutputSpec defaults() {
        return new OutputSpec(Path.of("runs"), false);
    }
}
