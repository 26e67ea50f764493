package org.lstm4j.api;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * Where a run's results go.
 *
 * @param dir   parent of the run directories ({@code <dir>/<name>-<yyyyMMdd-HHmmss>/})
 * @param plots write {@code loss.png}, {@code forecast.png} and {@code report.html} (done by the {@code lstm} command)
 */
public record OutputSpec(@NotNull Path dir, boolean plots) {
    public OutputSpec {
        SpecChecks.require(OutputSpec.class, dir, plots);
    }

    /** {@code runs/}, with plots. */
    public static OutputSpec defaults() {
        return new OutputSpec(Path.of("runs"), true);
    }

    public OutputSpec withDir(Path value) {
        return new OutputSpec(value, plots);
    }

    public OutputSpec withPlots(boolean value) {
        return new OutputSpec(dir, value);
    }
}
