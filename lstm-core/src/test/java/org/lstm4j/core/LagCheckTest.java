package org.lstm4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.Backend;
import org.lstm4j.api.BackendInfo;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.Trainer;
import org.lstm4j.api.Training;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingResult;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.WindowedData;

/** The lag check fires on a model that copies its last input and stays quiet on a good one. */
class LagCheckTest {

    @Test
    void aModelThatRepeatsItsLastInputIsFlaggedAsLagging() {
        ExperimentResult copying = Experiment.run(ExperimentRunTest.SMALL_SINE, new CopyLastInputBackend(), TrainingListener.NONE);
        assertThat(copying.test().model().rmse()).isCloseTo(copying.test().baselines().get("naive").rmse(), within(1e-6));
        assertThat(copying.test().skillVsNaive()).isCloseTo(0, within(1e-5));
        assertThat(copying.test().lagging()).isTrue();
        assertThat(Diagnostics.laggingMessage(copying.test())).contains("repeats the last value").contains("difference");
    }

    @Test
    void aTrainedModelThatForecastsIsNotLagging() {
        ExperimentResult trained = ExperimentRunTest.result();
        assertThat(trained.test().lagging()).isFalse();
        assertThat(trained.test().lagRmse()).isGreaterThan(trained.test().model().rmse());
    }

    /** A "backend" whose model forecasts the last input value of feature 0 (the target) for every step. */
    static final class CopyLastInputBackend implements Backend {
        @Override
        public String name() {
            return "copy-last";
        }

        @Override
        public Trainer trainer(SampleShape shape, ModelSpec model, TrainingSpec training, long seed) {
            return (train, validation, listener) -> new Training(new CopyLastInput(),
                    TrainingResult.builder().backend(info()).seed(seed).build());
        }

        @Override
        public TrainedModel restore(SampleShape shape, ModelSpec model, TrainingSpec training, InputStream parameters) {
            return new CopyLastInput();
        }

        @Override
        public BackendInfo info() {
            return new BackendInfo(name(), "none", 1);
        }
    }

    private static final class CopyLastInput implements TrainedModel {
        @Override
        public double[][] predict(WindowedData data) {
            float[] inputs = new float[data.window() * data.features()];
            double[][] out = new double[data.size()][data.horizon()];
            for (int i = 0; i < data.size(); i++) {
                data.copyInputs(i, inputs, 0);
                java.util.Arrays.fill(out[i], inputs[(data.window() - 1) * data.features()]);
            }
            return out;
        }

        @Override
        public void writeParameters(OutputStream out) {}

        @Override
        public long parameterCount() {
            return 0;
        }
    }
}
