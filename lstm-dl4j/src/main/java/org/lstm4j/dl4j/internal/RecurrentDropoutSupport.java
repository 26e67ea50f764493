package org.lstm4j.dl4j.internal;

import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.UnsupportedFeatureException;

/**
 * Where {@code model.recurrent_dropout} can run: only {@link LstmKernel} implements it (DL4J's own LSTM layer has no
 * recurrent dropout), so a training run that would fall back to DL4J's layer is refused by name instead of silently
 * training without it. Inference needs no dropout and runs on every path.
 */
final class RecurrentDropoutSupport {
    static final String KEY = "model.recurrent_dropout";

    private RecurrentDropoutSupport() {
    }

    /**
     * Refuses, before training, specs asking for recurrent dropout where the kernel will not train.
     *
     * @throws UnsupportedFeatureException naming {@value #KEY} and the reason
     */
    static void check(ModelSpec model, TrainingSpec training) {
        if (model.recurrentDropout() <= 0) {
            return;
        }
        if (!FastPaths.kernel()) {
            throw refusal(model.recurrentDropout(), kernelOffReason());
        }
        if (training.precision() == TrainingSpec.Precision.FLOAT16) {
            throw refusal(model.recurrentDropout(), "training.precision float16");
        }
    }

    /** The refusal for a training pass that reached DL4J's layer anyway (a masked input, say). */
    static UnsupportedFeatureException refusal(double recurrentDropout, String reason) {
        return new UnsupportedFeatureException(KEY, recurrentDropout + " needs lstm4j's LSTM kernel, which does not run with "
                + reason + " (DL4J's own LSTM layer, which runs instead, has no recurrent dropout); set it to 0 to train there");
    }

    /** Why {@link FastPaths#kernel()} is off. */
    static String kernelOffReason() {
        return Boolean.parseBoolean(System.getProperty(FastPaths.KERNEL, "true"))
                ? "an ND4J backend other than the CPU one" : "-D" + FastPaths.KERNEL + "=false";
    }
}
