package org.lstm4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.UnsupportedFeatureException;
import org.lstm4j.core.ExperimentException;
import org.lstm4j.core.FutureForecast;
import org.lstm4j.core.ModelBundle;
import org.lstm4j.core.PreparedData;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.exchange.torch.ImportException;
import org.lstm4j.core.exchange.torch.SeedModels;
import org.lstm4j.core.exchange.torch.TorchImport;
import org.lstm4j.data.CsvSeriesReader;
import org.lstm4j.data.DataException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lstm import MODEL.pt --experiment FILE.yaml [--output bundle.zip] [--scaler scaler.json]}: a PyTorch state_dict as a bundle. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Make a model bundle of a PyTorch state_dict (torch.save(model.state_dict(), path)) of the seed's "
                + "LSTMModel (model.architecture lstm), AttentionLSTM (attention) or a BiLSTM reading h_n (bilstm), "
                + "without Python. The experiment file says the network and the data; the scalers come from --scaler or are "
                + "fitted on the experiment's train part as lstm train fits them.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL.pt", description = "the state_dict file written by torch.save(model.state_dict(), path)")
    private Path stateDict;

    @Option(names = {"-e", "--experiment"}, required = true, paramLabel = "FILE",
            description = "the experiment YAML that describes the model (architecture, hidden_size, num_layers) and its data")
    private Path experiment;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "the bundle to write (default: MODEL.pt's name with .zip, beside it)")
    private Path output;

    @Option(names = "--scaler", paramLabel = "JSON",
            description = "the scalers the model was trained with, per column: {\"y\": {\"type\": \"minmax\", \"min\": ..., \"max\": ..., "
                    + "\"range\": [0, 1]}} or {\"type\": \"standard\", \"mean\": ..., \"std\": ...} (default: fit them on the "
                    + "experiment's train part, as lstm train does)")
    private Path scalerFile;

    @Option(names = "--bilstm-reads-h-n",
            description = "bilstm only: the PyTorch forward reads h_n (torch.cat([h_n[-2], h_n[-1]], 1)), not the seed's out[:, -1, :]")
    private boolean bilstmReadsHn;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var loaded = ExperimentFile.load(experiment, err);
        if (loaded.isEmpty()) {
            return LstmCommand.BAD_INPUT;
        }
        ExperimentSpec experimentSpec = loaded.get().spec();
        Path target = output != null ? output : SiblingFiles.beside(stateDict, ".zip");
        TorchImport.Imported imported;
        try {
            imported = TorchImport.of(stateDict, experimentSpec, scalerFile,
                    bilstmReadsHn ? SeedModels.BilstmReadout.H_N : SeedModels.BilstmReadout.SEED_LAST_OUTPUT);
        } catch (ImportException e) {
            err.println("lstm import: " + e.getMessage());
            err.flush();
            return LstmCommand.BAD_INPUT;
        } catch (ConfigException | ExperimentException | UnsupportedFeatureException | DataException e) {
            return ExperimentFile.reportInputError(e, loaded.get().locations(), err);
        }
        try (var network = imported.model().model()) {
            ModelBundle.save(imported.model(), imported.backend(), target);
            DataSpec data = experimentSpec.data();
            ModelSpec model = experimentSpec.model();
            out.printf(Locale.ROOT, "%s: %d tensors: %s, %d x %d units, reading %s, forecasting %d step(s); %,d parameters%n", stateDict,
                    imported.state().tensors().size(), model.architecture().name().toLowerCase(Locale.ROOT), model.numLayers(),
                    model.hiddenSize(), data.inputColumns(), data.horizon(), network.parameterCount());
            out.println("scalers " + PreparedData.usedColumns(data) + ": " + (scalerFile != null ? "from " + scalerFile
                    : "fitted on the experiment's train part, as lstm train fits them"));
            out.println("bundle written to " + target);
            lastForecast(imported, out);
            out.println("check it on the experiment's test part: lstm evaluate " + target);
            out.flush();
            return LstmCommand.OK;
        }
    }

    /** The forecast after the experiment's CSV's last row: the number to compare with PyTorch's. */
    private static void lastForecast(TorchImport.Imported imported, PrintWriter out) {
        DataSpec data = imported.model().spec().data();
        if (!(data.source() instanceof SourceSpec.Csv csv)) {
            return;
        }
        try {
            FutureForecast forecast = imported.model().forecastAhead(CsvSeriesReader.read(csv.csv(), csv.delimiter().charAt(0),
                    csv.timeColumn(), PreparedData.usedColumns(data), data.missing()), data.horizon());
            out.println("forecast after the last row of " + csv.csv().getFileName() + ": " + IntStream.range(0, forecast.values().length)
                    .mapToObj(k -> forecast.labels().get(k) + ": " + String.format(Locale.ROOT, "%.6g", forecast.values()[k]))
                    .collect(Collectors.joining(", ")) + " (compare with your PyTorch model's on the same rows)");
        } catch (DataException | ExperimentException e) {
            out.println("no forecast of the data's last rows: " + e.getMessage());
        }
    }
}
