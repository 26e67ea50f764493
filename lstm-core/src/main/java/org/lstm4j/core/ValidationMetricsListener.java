package org.lstm4j.core;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.EvaluationSpec;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingResult;
import org.lstm4j.data.Metrics;

/**
 * Evaluates the network on the validation part after each epoch, in the data's units, and passes the epoch on
 * to {@code next} with {@code val_rmse}, {@code val_mae}, {@code val_mape} and {@code val_smape} added: what
 * a monitor such as {@code early_stopping.monitor: val_rmse} watches. Used only when a monitor asks for them.
 */
final class ValidationMetricsListener implements TrainingListener {
    private final PreparedData data;
    private final EvaluationSpec evaluation;
    private final TrainingListener next;
    private Evaluator evaluator;

    ValidationMetricsListener(PreparedData data, EvaluationSpec evaluation, TrainingListener next) {
        this.data = data;
        this.evaluation = evaluation;
        this.next = next;
    }

    @Override
    public void onStart(TrainingControl control) {
        evaluator = null;
        next.onStart(control);
    }

    /** Forwards the resume as a resume: the listeners behind keep their restored state. */
    @Override
    public void onResume(TrainingControl control, int epochsCompleted) {
        evaluator = null;
        next.onResume(control, epochsCompleted);
    }

    @Override
    public void onEpochEnd(EpochResult epoch, TrainingControl control) {
        if (evaluator == null) { // the season and the MASE scale depend on the train part only: compute them once
            evaluator = new Evaluator(data, control.currentModel(), evaluation);
        }
        Metrics m = evaluator.evaluate(data.validation()).model();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_rmse", m.rmse());
        metrics.put("val_mae", m.mae());
        metrics.put("val_mape", m.mape());
        metrics.put("val_smape", m.smape());
        next.onEpochEnd(epoch.withMetrics(metrics), control);
    }

    @Override
    public void onEnd(TrainingResult result) {
        next.onEnd(result);
    }
}
