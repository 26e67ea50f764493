package org.lstm4j.core;

import java.util.ArrayList;
import java.util.List;
import org.lstm4j.api.Backend;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.data.ChronologicalSplit;
import org.lstm4j.data.WindowedDataset;

/**
 * Rolling-origin evaluation over the test part ({@code evaluation.backtest}): the test part is cut into
 * {@code folds} consecutive blocks; each block's start is an origin. Without refit the trained model is
 * evaluated on each block; with {@code refit: true} a new model is trained at each origin on everything
 * before it (scalers fitted again on that part; the learning-rate schedule applies, early stopping does
 * not, as there is no validation part), then evaluated on its block.
 */
final class Backtest {
    private Backtest() {}

    static List<BacktestFold> run(ExperimentSpec spec, Backend backend, PreparedData data, TrainedModel model) {
        int folds = spec.evaluation().backtest().folds();
        boolean refit = spec.evaluation().backtest().refit();
        ChronologicalSplit.Part test = data.split().test();
        List<BacktestFold> out = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            int from = test.from() + (int) ((long) test.size() * k / folds);
            int to = test.from() + (int) ((long) test.size() * (k + 1) / folds);
            ChronologicalSplit.Part block = new ChronologicalSplit.Part(from, to);
            PreparedData foldData = refit ? data.refitAt(from) : data;
            WindowedDataset windows = foldData.windows(block);
            if (windows.size() == 0) {
                throw new ExperimentException("evaluation.backtest.folds", folds + " folds leave fold " + (k + 1) + " (rows " + from
                        + ".." + to + ") without a complete window; use fewer folds or a shorter horizon");
            }
            Evaluation evaluation;
            if (refit) {
                try (TrainedModel refitted = backend.trainer(SampleShape.of(windows), spec.model(), spec.training(), spec.seed())
                        .fit(foldData.train(), null, Experiment.scheduleOf(spec.training())).model()) {
                    evaluation = new Evaluator(foldData, refitted, spec.evaluation()).evaluate(windows);
                }
            } else {
                evaluation = new Evaluator(foldData, model, spec.evaluation()).evaluate(windows);
            }
            String label = data.series().timeLabels() == null ? Integer.toString(from) : data.series().timeLabels().get(from);
            out.add(new BacktestFold(k + 1, from, label, windows.size(), refit, evaluation));
        }
        return out;
    }
}
