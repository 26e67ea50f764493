package org.lstm4j.core;

import java.io.OutputStream;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.WindowedData;

/** A network that neither predicts nor gives its weights: for tests of what surrounds a model (codec, export). */
public final class OpaqueModel implements TrainedModel {
    @Override
    public double[][] predict(WindowedData windows) {
        throw new UnsupportedOperationException("an opaque model does not predict");
    }

    @Override
    public void writeParameters(OutputStream out) {}

    @Override
    public long parameterCount() {
        return 0;
    }
}
