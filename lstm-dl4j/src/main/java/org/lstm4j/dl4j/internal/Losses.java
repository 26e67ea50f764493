package org.lstm4j.dl4j.internal;

import org.lstm4j.api.TrainingSpec.LossType;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Maps {@link LossType} to ND4J loss functions. All three are PyTorch's {@code reduction="mean"}: the mean over
 * every output of every sample (DL4J: mean over a sample's outputs, then over the batch).
 *
 * <ul>
 *   <li>mse: {@code LossMSE} ({@code LossL2} is the sum over outputs, not the mean) = {@code nn.MSELoss()}</li>
 *   <li>mae: {@code LossMAE} ({@code LossL1} is the sum over outputs) = {@code nn.L1Loss()}</li>
 *   <li>huber: {@link HuberLoss} with delta 1 = {@code nn.HuberLoss()}; ND4J M2.1 has no Huber loss</li>
 * </ul>
 */
final class Losses {
    private Losses() {
    }

    /** A fresh loss function. */
    static ILossFunction of(LossType type) {
        return switch (type) {
            case MSE -> new LossMSE();
            case MAE -> new LossMAE();
            case HUBER -> new HuberLoss(1.0);
        };
    }
}
