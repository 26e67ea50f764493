package org.lstm4j.core;

import java.util.ArrayList;
import java.util.List;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.GradientClippingSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.tuning.EarlyStopping;

/**
 * Settings the DSL accepts whose feature is not built yet. Using one is an error naming the key,
 * never silently ignored. Each entry leaves this list when its feature lands.
 */
public final class FeatureAvailability {
    private FeatureAvailability() {}

    /**
     * A setting that cannot be honoured yet.
     *
     * @param key     dotted DSL key
     * @param message what is not available
     */
    public record Unavailable(String key, String message) {}

    /** The settings of {@code spec} that are not available yet, or that this run cannot honour; empty if it can run. */
    public static List<Unavailable> unavailable(ExperimentSpec spec) {
        List<Unavailable> out = new ArrayList<>();
        ModelSpec model = spec.model();
        TrainingSpec training = spec.training();
        if (model.architecture() != ModelSpec.Architecture.LSTM) {
            out.add(notYet("model.architecture", "'" + model.architecture().name().toLowerCase() + "'"));
        }
        if (model.dropout() > 0) {
            out.add(notYet("model.dropout", "dropout"));
        }
        if (model.batchNorm()) {
            out.add(notYet("model.batch_norm", "batch normalisation"));
        }
        if (!(training.gradientClipping() instanceof GradientClippingSpec.None)) {
            out.add(notYet("training.gradient_clipping", "gradient clipping"));
        }
        if (training.accumulationSteps() > 1) {
            out.add(notYet("training.accumulation_steps", "gradient accumulation"));
        }
        if (training.precision() != TrainingSpec.Precision.FLOAT32) {
            out.add(notYet("training.precision", "precision other than float32"));
        }
        if (training.weightDecay() > 0 && training.optimizer().type() != OptimizerSpec.OptimizerType.ADAMW) {
            out.add(notYet("training.weight_decay", "decoupled weight decay with an optimizer other than adamw"));
        }
        if (training.earlyStopping().enabled()) {
            EarlyStopping.problem(training.earlyStopping(), spec.data().split().validation() > 0)
                    .ifPresent(problem -> out.add(new Unavailable("training.early_stopping.monitor", problem)));
        }
        return out;
    }

    private static Unavailable notYet(String key, String what) {
        return new Unavailable(key, what + " is not available in this version of lstm4j yet; remove the setting");
    }
}
