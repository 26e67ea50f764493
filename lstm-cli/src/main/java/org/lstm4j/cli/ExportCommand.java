package org.lstm4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lstm4j.core.BundleException;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.core.WindowCodec;
import org.lstm4j.core.exchange.onnx.OnnxExport;
import org.lstm4j.core.exchange.onnx.OnnxExportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lstm export BUNDLE --format onnx [--output FILE]}: the whole forecaster as a file other runtimes run. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a model bundle (model.zip) as one ONNX file holding the whole forecaster: it takes raw windows "
                + "in the data's units and returns forecasts in the data's units (the transform and the scalers are in the graph).")
final class ExportCommand implements Callable<Integer> {
    /** The formats {@code --format} takes. */
    static final List<String> FORMATS = List.of("onnx");

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "a model bundle written by lstm train (model.zip)")
    private Path bundle;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "onnx",
            description = "the file format: onnx (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "where to write (default: beside the bundle, with the extension .onnx)")
    private Path output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
                err.println("lstm export: --format " + format + " is not supported; formats: " + String.join(", ", FORMATS));
                return LstmCommand.BAD_INPUT;
            }
            LoadedModel model = ModelBundle.load(bundle);
            OnnxExport.Written written = OnnxExport.write(model, output == null ? SiblingFiles.beside(bundle, ".onnx") : output);
            out.printf(Locale.ROOT, "wrote %s (%,d bytes, ONNX opset %d)%n", written.file(), written.bytes(), written.opset());
            out.printf(Locale.ROOT, "  input   %-9s float32 %-14s %s in the data's units%n", WindowCodec.INPUT, written.inputShape(),
                    "columns " + String.join(", ", written.columns()));
            out.printf(Locale.ROOT, "  output  %-9s float32 %-14s %s in the data's units%n", WindowCodec.OUTPUT, written.outputShape(),
                    "forecasts of " + written.target());
            out.flush();
            return LstmCommand.OK;
        } catch (BundleException e) {
            err.println("lstm export: " + e.getMessage());
            return LstmCommand.BAD_INPUT;
        } catch (OnnxExportException e) {
            err.println("lstm export: " + bundle + ": cannot export to ONNX: " + e.getMessage());
            return LstmCommand.BAD_INPUT;
        } finally {
            err.flush();
        }
    }
}
