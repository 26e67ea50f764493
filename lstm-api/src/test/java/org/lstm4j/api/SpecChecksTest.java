package org.lstm4j.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Java callers get the ranges of the constraint annotations from the compact constructors. */
class SpecChecksTest {
    @Test
    void rejectsOutOfRangeValuesNamingEveryField() {
        assertThatThrownBy(() -> ModelSpec.defaults().withHiddenSize(0).withDropout(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ModelSpec: hidden_size must be >= 1, was 0");
        assertThatThrownBy(() -> new ModelSpec(ModelSpec.Architecture.LSTM, 0, 2, 1.0, 0.0, false, ModelSpec.BidirectionalMerge.CONCAT, 8))
                .hasMessage("ModelSpec: hidden_size must be >= 1, was 0; dropout must be < 1, was 1.0");
        assertThatThrownBy(() -> OptimizerSpec.adam(0)).hasMessageContaining("learning_rate must be > 0, was 0.0");
        assertThatThrownBy(() -> DataSpec.defaults().withWindow(0)).hasMessageContaining("window must be >= 1, was 0");
        assertThatThrownBy(() -> new SplitSpec(0.5, 0.2, 0.2)).hasMessageContaining("must be 1");
        assertThatThrownBy(() -> new TrainingSpec(1, null, true, OptimizerSpec.defaults(), TrainingSpec.LossType.MSE, 0, 0,
                new GradientClippingSpec.None(), 1, TrainingSpec.Precision.FLOAT32, new SchedulerSpec.None(), EarlyStoppingSpec.defaults()))
                .hasMessageContaining("batch_size must not be null");
    }

    @Test
    void acceptsTheDefaults() {
        assertThat(ExperimentSpec.defaults().data().inputColumns()).isEmpty();
        assertThat(DataSpec.defaults().withSource(SourceSpec.Synthetic.sine()).inputColumns()).isEqualTo(List.of("value"));
        assertThat(BatchSize.full().resolve(619)).isEqualTo(619);
        assertThat(BatchSize.of(64).resolve(10)).isEqualTo(10);
    }
}
