package org.lstm4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.OptimizerSpec.OptimizerType;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.TrainingResult;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.TrainingSpec.LossType;

/** Every optimizer and loss trains: finite losses that go down within a few epochs. */
class OptimizersAndLossesTrainTest {
    private static final SineWindows ALL = SineWindows.of(140, 10, 1);

    static Stream<Arguments> combinations() {
        TrainingSpec base = TestSpecs.training(5);
        return Stream.of(
                Arguments.of("adam/mse", base),
                Arguments.of("adam/mae", base.withLoss(LossType.MAE)),
                Arguments.of("adam/huber", base.withLoss(LossType.HUBER)),
                Arguments.of("adamw/mse", TestSpecs.withWeightDecay(
                        base.withOptimizer(TestSpecs.optimizer(OptimizerType.ADAMW, 0.01, 0.9)), 0.01)),
                Arguments.of("adam+l2/mse", base.withL2(1e-4)),
                Arguments.of("sgd/mse", base.withOptimizer(TestSpecs.optimizer(OptimizerType.SGD, 0.1, 0.0))),
                Arguments.of("sgd-momentum/huber", base.withLoss(LossType.HUBER)
                        .withOptimizer(TestSpecs.optimizer(OptimizerType.SGD, 0.05, 0.9))),
                Arguments.of("rmsprop/mse", base.withOptimizer(TestSpecs.optimizer(OptimizerType.RMSPROP, 0.005, 0.0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void trainsWithoutNaN(String name, TrainingSpec spec) {
        TrainingResult result = new Dl4jBackend().trainer(SampleShape.of(ALL), TestSpecs.model(), spec, 42)
                .fit(ALL.range(0, 100), ALL.range(100, ALL.size()), null).result();
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.history()).hasSize(5).allSatisfy(e -> {
            assertThat(e.trainLoss()).isFinite();
            assertThat(e.valLoss()).isFinite();
        });
        EpochResult first = result.history().get(0);
        EpochResult last = result.history().get(4);
        assertThat(last.trainLoss()).as("%s train loss", name).isLessThan(first.trainLoss());
    }
}
