package org.lstm4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Results have no defaults, so tests and listeners build them by naming their parts. */
class ResultBuildersTest {

    @Test
    void anEpochIsBuiltByName() {
        EpochResult epoch = EpochResult.builder().epoch(3).trainLoss(0.2).valLoss(0.25).learningRate(1e-3).seconds(0.5)
                .metrics(Map.of("val_rmse", 1.5)).build();

        assertThat(epoch).isEqualTo(new EpochResult(3, 0.2, 0.25, 1e-3, 0.5, Map.of("val_rmse", 1.5)));
    }

    @Test
    void anEpochWithoutValidationLossHasNoValidation() {
        EpochResult epoch = EpochResult.builder().epoch(1).trainLoss(0.2).build();

        assertThat(epoch.hasValidation()).isFalse();
        assertThat(epoch.learningRate()).isNaN();
        assertThat(epoch.seconds()).isZero();
        assertThat(epoch.metrics()).isEmpty();
    }

    @Test
    void anEpochNeedsItsNumberAndTrainLoss() {
        assertThatThrownBy(() -> EpochResult.builder().trainLoss(0.2).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("epoch");
        assertThatThrownBy(() -> EpochResult.builder().epoch(1).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("train_loss");
    }

    @Test
    void aTrainingResultIsBuiltByName() {
        List<EpochResult> history = List.of(EpochResult.builder().epoch(1).trainLoss(0.3).build(),
                EpochResult.builder().epoch(2).trainLoss(0.2).build());
        BackendInfo backend = new BackendInfo("dl4j", "CpuBackend", 2);

        TrainingResult result = TrainingResult.builder().history(history).bestEpoch(2).stopReason(StopReason.EARLY_STOPPING)
                .trainSeconds(1.5).backend(backend).seed(7).build();

        assertThat(result).isEqualTo(new TrainingResult(history, 2, StopReason.EARLY_STOPPING, 1.5, backend, 7));
    }

    @Test
    void anEmptyTrainingResultCompletedWithoutEpochs() {
        TrainingResult result = TrainingResult.builder().build();

        assertThat(result.epochsRun()).isZero();
        assertThat(result.bestEpoch()).isZero();
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.backend()).isEqualTo(TrainingResult.Builder.UNKNOWN_BACKEND);
    }

    @Test
    void withBestEpochChangesOnlyTheBestEpoch() {
        TrainingResult result = TrainingResult.builder().bestEpoch(1).seed(3).build();

        assertThat(result.withBestEpoch(4)).isEqualTo(TrainingResult.builder().bestEpoch(4).seed(3).build());
    }
}
