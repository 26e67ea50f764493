package org.lstm4j.tuning;

import org.lstm4j.api.EarlyStoppingSpec.Monitor;
import org.lstm4j.api.EpochResult;

/** Reads the value a {@link Monitor} names from an {@link EpochResult}. */
final class MonitoredValue {
    private MonitoredValue() {}

    /**
     * The monitored value of {@code epoch}: its validation loss (NaN without validation), its train loss, or a
     * validation metric the engine added to {@link EpochResult#metrics()} (NaN when absent).
     */
    static double of(Monitor monitor, EpochResult epoch) {
        return switch (monitor) {
            case VAL_LOSS -> epoch.valLoss();
            case TRAIN_LOSS -> epoch.trainLoss();
            case VAL_RMSE, VAL_MAE, VAL_MAPE, VAL_SMAPE -> epoch.metrics().getOrDefault(name(monitor), Double.NaN);
        };
    }

    /** The DSL spelling, {@code val_loss}. */
    static String name(Monitor monitor) {
        return org.lstm4j.api.SpecNames.of(monitor);
    }
}
