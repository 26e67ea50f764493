package org.lstm4j.core.exchange.torch;

import java.nio.file.Path;
import java.util.Map;
import org.lstm4j.api.Backend;
import org.lstm4j.api.Backends;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.NetworkWeights;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.core.LoadedModel;
import org.lstm4j.core.PreparedData;
import org.lstm4j.data.FittedScaler;

/**
 * A PyTorch state_dict of one of the seed's classes made into an lstm4j model: the tensors read without Python
 * ({@link StateDictReader}), mapped onto the experiment's network ({@link SeedModels}), built by the backend, with
 * scalers either read from a scikit-learn style file ({@link ScalerFile}) or fitted as {@code lstm train} fits them
 * (on the experiment's data, train part only).
 *
 * <pre>{@code
 * ExperimentSpec spec = ExperimentLoader.load(Path.of("lstm2.yaml")).spec();
 * TorchImport.Imported imported = TorchImport.of(Path.of("model.pt"), spec, Path.of("scaler.json"), BilstmReadout.H_N);
 * ModelBundle.save(imported.model(), imported.backend(), Path.of("bundle.zip"));
 * imported.model().model().close();
 * }</pre>
 */
public final class TorchImport {
    private TorchImport() {}

    /**
     * The imported model.
     *
     * @param model      the experiment, the scalers and the network (close its {@code model()} when done)
     * @param backend    the backend that built the network, for {@code ModelBundle.save}
     * @param state      the tensors read
     * @param scalerFile the scaler file used, or {@code null} when the scalers were fitted on the experiment's data
     */
    public record Imported(LoadedModel model, String backend, StateDict state, Path scalerFile) {}

    /**
     * Imports {@code stateDict} as the model {@code spec} describes, on the class path's backend.
     *
     * @param scalerFile a scikit-learn style scaler file, or {@code null} to fit the scalers as {@code lstm train} would
     * @param readout    what a bilstm's PyTorch forward reads
     * @throws ImportException when the file, its tensors or the scaler file do not fit (one line naming the tensor or field)
     * @throws org.lstm4j.core.ExperimentException when the scalers are fitted and the data does not fit the experiment
     * @throws org.lstm4j.data.DataException       when the scalers are fitted and the data cannot be read
     */
    public static Imported of(Path stateDict, ExperimentSpec spec, Path scalerFile, SeedModels.BilstmReadout readout) {
        StateDict state = StateDictReader.read(stateDict);
        NetworkWeights weights = SeedModels.weights(state, spec.model(), spec.data(), readout);
        Map<String, FittedScaler> scalers = scalerFile != null
                ? ScalerFile.read(scalerFile, PreparedData.usedColumns(spec.data()))
                : PreparedData.prepare(spec.data(), spec.seed()).scalers();
        Backend backend = Backends.load();
        TrainedModel network;
        try {
            network = backend.restore(spec.data().sampleShape(), spec.model(), spec.training(), weights);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new ImportException(stateDict + ": " + e.getMessage(), e);
        }
        return new Imported(new LoadedModel(spec, scalers, network), backend.name(), state, scalerFile);
    }
}
