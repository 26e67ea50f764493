package org.lstm4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lstm4j.api.EvaluationSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.TrainingListener;

/** Rolling-origin evaluation over the test part, with one model and with a model retrained at each origin. */
class BacktestTest {
    private static ExperimentSpec withBacktest(int folds, boolean refit) {
        ExperimentSpec base = ExperimentRunTest.SMALL_SINE;
        return base.withTraining(base.training().withEpochs(8)).withEvaluation(base.evaluation().withSeasonLength(0)
                .withBacktest(EvaluationSpec.BacktestSpec.defaults().withFolds(folds).withRefit(refit)));
    }

    @Test
    void foldsCoverTheTestWindowsInOrderAndMatchTheTestMetrics() {
        ExperimentResult result = Experiment.run(withBacktest(3, false), TrainingListener.NONE);
        assertThat(result.backtest()).hasSize(3);
        assertThat(result.backtest()).extracting(BacktestFold::origin).isSorted();
        assertThat(result.backtest().stream().mapToInt(BacktestFold::windows).sum()).isEqualTo(result.testForecast().size());
        assertThat(result.backtest().get(0).origin()).isEqualTo(result.data().split().test().from());
        // one model, horizon 1: the test MSE is the window-weighted mean of the folds' MSE (float32 batches differ in the last bits)
        double weighted = result.backtest().stream().mapToDouble(f -> f.evaluation().model().mse() * f.windows()).sum()
                / result.testForecast().size();
        assertThat(weighted).isCloseTo(result.test().model().mse(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void refitTrainsANewModelAtEachOriginOnEverythingBeforeIt() {
        ExperimentResult once = Experiment.run(withBacktest(2, false), TrainingListener.NONE);
        ExperimentResult refit = Experiment.run(withBacktest(2, true), TrainingListener.NONE);
        assertThat(refit.backtest()).extracting(BacktestFold::refit).containsOnly(true);
        assertThat(refit.backtest()).extracting(BacktestFold::windows)
                .containsExactlyElementsOf(once.backtest().stream().map(BacktestFold::windows).toList());
        assertThat(refit.backtest().get(1).evaluation().model().rmse()).isNotEqualTo(once.backtest().get(1).evaluation().model().rmse());
        assertThat(refit.data().refitAt(refit.backtest().get(1).origin()).split().train().to())
                .isEqualTo(refit.backtest().get(1).origin());
    }
}
