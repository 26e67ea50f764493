package org.lstm4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lstm4j.core.BundleException;
import org.lstm4j.core.quantize.BundleQuantizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lstm quantize BUNDLE [--output q.zip]}: a bundle with int8 weights. */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = "Write a copy of a model bundle whose weight matrices are int8 (symmetric, one scale per output "
                + "channel; biases stay float). The bundle is about 70%% smaller; the network computes in float as before.")
final class QuantizeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "a model bundle (model.zip)")
    private Path bundle;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "the int8 bundle (default: BUNDLE's name with -int8, beside it)")
    private Path output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = output != null ? output : SiblingFiles.beside(bundle, "-int8.zip");
        try {
            BundleQuantizer.Report report = BundleQuantizer.quantize(bundle, target);
            out.printf(Locale.ROOT, "%-22s %12s %12s %8s%n", "", "float", "int8", "change");
            row(out, "weights (bytes)", report.sourceWeightBytes(), report.targetWeightBytes());
            row(out, "bundle file (bytes)", report.sourceBytes(), report.targetBytes());
            out.printf(Locale.ROOT, "largest weight error: %.3g%n", report.maxWeightError());
            out.println("int8 bundle written to " + target);
            out.println("check its accuracy with: lstm evaluate " + target);
            out.flush();
            return LstmCommand.OK;
        } catch (BundleException e) {
            err.println("lstm quantize: " + e.getMessage());
            return LstmCommand.BAD_INPUT;
        } finally {
            err.flush();
        }
    }

    private static void row(PrintWriter out, String name, long before, long after) {
        out.printf(Locale.ROOT, "%-22s %12d %12d %7.1f%%%n", name, before, after, 100.0 * (after - before) / before);
    }
}
