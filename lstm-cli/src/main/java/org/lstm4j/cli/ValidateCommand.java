package org.lstm4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lstm4j.core.config.ExperimentLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lstm validate FILE}: checks an experiment file without training. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an experiment file: syntax, keys, types, ranges, files and columns. Reports every problem at once.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the experiment YAML file")
    private Path file;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return ExperimentFile.load(file, err).map(loaded -> {
            describe(loaded, out);
            return LstmCommand.OK;
        }).orElse(LstmCommand.BAD_INPUT);
    }

    private void describe(ExperimentLoader.Loaded loaded, java.io.PrintWriter out) {
        var s = loaded.spec();
        out.printf("%s: ok: experiment '%s', %s, window %d, horizon %d, %s(%d) x %d, %d epochs%n", file, s.name(),
                s.data().source() instanceof org.lstm4j.api.SourceSpec.Csv csv ? csv.csv().getFileName() : "synthetic series",
                s.data().window(), s.data().horizon(), s.model().architecture().name().toLowerCase(), s.model().hiddenSize(),
                s.model().numLayers(), s.training().epochs());
        out.flush();
    }
}
