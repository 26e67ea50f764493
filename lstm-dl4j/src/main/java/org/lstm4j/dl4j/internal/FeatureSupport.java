package org.lstm4j.dl4j.internal;

import org.lstm4j.api.GradientClippingSpec;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec.OptimizerType;
import org.lstm4j.api.SpecNames;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.UnsupportedFeatureException;

/** Rejects, by spec key, what this backend does not implement yet. */
final class FeatureSupport {
    private FeatureSupport() {
    }

    static void check(ModelSpec model, TrainingSpec training) {
        if (model.architecture() != ModelSpec.Architecture.LSTM) {
            throw new UnsupportedFeatureException("model.architecture",
                    "the dl4j backend supports only 'lstm' so far, not '" + SpecNames.of(model.architecture()) + "'");
        }
        if (model.dropout() > 0) {
            throw new UnsupportedFeatureException("model.dropout",
                    "the dl4j backend does not support dropout yet (was " + model.dropout() + "); use 0");
        }
        if (model.batchNorm()) {
            throw new UnsupportedFeatureException("model.batch_norm",
                    "the dl4j backend does not support batch norm yet; use false");
        }
        if (!(training.gradientClipping() instanceof GradientClippingSpec.None)) {
            throw new UnsupportedFeatureException("training.gradient_clipping",
                    "the dl4j backend does not support gradient clipping yet (was " + training.gradientClipping() + "); use none");
        }
        if (training.accumulationSteps() > 1) {
            throw new UnsupportedFeatureException("training.accumulation_steps",
                    "the dl4j backend does not support gradient accumulation yet (was " + training.accumulationSteps() + "); use 1");
        }
        if (training.precision() != TrainingSpec.Precision.FLOAT32) {
            throw new UnsupportedFeatureException("training.precision",
                    "the dl4j backend supports only float32 so far, not " + SpecNames.of(training.precision()));
        }
        if (training.weightDecay() > 0 && training.optimizer().type() != OptimizerType.ADAMW) {
            throw new UnsupportedFeatureException("training.weight_decay",
                    "decoupled weight decay (was " + training.weightDecay() + ") needs optimizer 'adamw', not '"
                            + SpecNames.of(training.optimizer().type()) + "'; use l2 for a coupled penalty");
        }
    }
}
