package org.lstm4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.EarlyStoppingSpec;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.SchedulerSpec;
import org.lstm4j.api.Training;
import org.lstm4j.api.TrainingCheckpoints;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.TrainingState;
import org.lstm4j.tuning.EarlyStopping;
import org.lstm4j.tuning.ReduceLrOnPlateau;
import org.lstm4j.tuning.Schedulers;

/**
 * Training to a checkpoint, crashing after it, and resuming in a fresh trainer (with fresh listeners given their
 * checkpointed state, as the engine does) ends bit for bit as the same training run straight through: history,
 * best epoch, stop reason and parameters.
 */
class CheckpointResumeTest {
    private static final long SEED = 11;
    private final SineWindows data = SineWindows.noisy(110, 6, 1, 1, 0.05, 3);
    private final SineWindows train = data.range(0, 80);
    private final SineWindows validation = data.range(80, 100);
    private final SampleShape shape = SampleShape.of(data);

    private static TrainingSpec adam(int epochs) {
        return TrainingSpec.defaults().withEpochs(epochs).withBatchSize(BatchSize.of(16))
                .withOptimizer(OptimizerSpec.adam(0.02));
    }

    private static ModelSpec small() {
        return ModelSpec.defaults().withHiddenSize(6).withNumLayers(1);
    }

    @Test
    void adamWithACosineScheduleEarlyStoppingAndShuffleResumesBitForBit() throws IOException {
        TrainingSpec training = adam(9).withShuffle(true)
                .withScheduler(SchedulerSpec.Cosine.defaults().withTMax(5).withWarmupEpochs(2))
                .withEarlyStopping(EarlyStoppingSpec.defaults().withPatience(3));
        assertResumesAsStraight(small(), training, 2, 5);
    }

    @Test
    void aRestoreBestSnapshotTakenBeforeTheCheckpointIsRestoredAfterTheResume() throws IOException {
        // after epoch 1 (the first finite value always improves on +inf) no improvement counts (min_delta huge):
        // epoch 1's weights are marked, the run stops after epoch 5 and gives them back; the checkpoint of epoch 2
        // must carry that snapshot
        TrainingSpec training = adam(8).withEarlyStopping(EarlyStoppingSpec.defaults().withPatience(4).withMinDelta(1e9));
        Outcome straight = assertResumesAsStraight(small(), training, 2, 3);
        assertThat(straight.training.result().epochsRun()).isEqualTo(5);
        Outcome kept = run(small(), training.withEarlyStopping(training.earlyStopping().withRestoreBest(false)),
                TrainingCheckpoints.NONE, null);
        assertThat(kept.training.result().epochsRun()).isEqualTo(5);
        assertThat(straight.parameters).as("epoch 1's weights came back, not epoch 5's").isNotEqualTo(kept.parameters);
    }

    @Test
    void dropoutBetweenTwoLayersRecurrentDropoutAndAPlateauScheduleResumeBitForBit() throws IOException {
        TrainingSpec training = adam(8).withShuffle(true).withScheduler(SchedulerSpec.Plateau.defaults().withPatience(0)
                .withFactor(0.5).withThreshold(0.3)); // an epoch must gain 30% on the best: the rate drops
        ModelSpec model = small().withNumLayers(2).withDropout(0.3).withRecurrentDropout(0.2);
        Outcome straight = assertResumesAsStraight(model, training, 3, 4);
        assertThat(straight.training.result().history()).extracting(EpochResult::learningRate)
                .as("the plateau lowered the rate at least once").contains(0.01);
    }

    @Test
    void sgdWithMomentumOnAnAttentionNetworkResumesBitForBit() throws IOException {
        TrainingSpec training = adam(6).withOptimizer(TestSpecs.optimizer(OptimizerSpec.OptimizerType.SGD, 0.05, 0.9));
        assertResumesAsStraight(small().withArchitecture(ModelSpec.Architecture.ATTENTION).withAttentionSize(4),
                training, 2, 3);
    }

    @Test
    void withoutTheOptimizerStateTheResumedRunWouldDiffer() throws IOException {
        // the comparisons above can fail: the same checkpoint with Adam's moments zeroed resumes to other parameters
        TrainingSpec training = adam(6);
        Outcome straight = run(small(), training, TrainingCheckpoints.NONE, null);
        Memory memory = new Memory(3, null);
        crashAfter(small(), training, memory, 4);
        TrainingState saved = memory.saved;
        long n = straight.parameterCount;
        // magic, two counts, the parameters (header + n floats), the flags, then the moments' header and 2n floats
        int moments = 8 + 4 + 4 + (20 + 4 * (int) n) + 4 + 20;
        byte[] tampered = saved.backendState().clone();
        java.util.Arrays.fill(tampered, moments, moments + 8 * (int) n, (byte) 0);
        Memory resume = new Memory(3, new TrainingState(saved.epochsCompleted(), saved.history(), saved.learningRate(),
                saved.trainSeconds(), tampered));
        Outcome resumed = run(small(), training, resume, null);
        assertThat(resumed.parameters).isNotEqualTo(straight.parameters);
        Outcome untampered = run(small(), training, new Memory(3, saved), null);
        assertThat(untampered.parameters).isEqualTo(straight.parameters);
    }

    @Test
    void aStateOfAnotherNetworkIsRefusedNamingWhatDoesNotFit() {
        Memory memory = new Memory(2, null);
        crashAfter(small(), adam(5), memory, 3);
        Memory other = new Memory(2, memory.saved);
        assertThatThrownBy(() -> run(small().withHiddenSize(7), adam(5), other, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the checkpoint does not fit this training").hasMessageContaining("parameter count");
    }

    /** Runs straight, then to a crash after {@code crashEpoch} with checkpoints every {@code every}, then resumed. */
    private Outcome assertResumesAsStraight(ModelSpec model, TrainingSpec training, int every, int crashEpoch)
            throws IOException {
        Outcome straight = run(model, training, TrainingCheckpoints.NONE, null);

        Listeners first = new Listeners(training);
        Memory memory = new Memory(every, null);
        memory.listeners = first;
        assertThatThrownBy(() -> new Dl4jBackend().trainer(shape, model, training, SEED)
                .fit(train, validation, first.all().andThen(crashAt(crashEpoch)), memory))
                .isInstanceOf(Crash.class);
        assertThat(memory.saved).as("a checkpoint before the crash").isNotNull();
        assertThat(memory.saved.epochsCompleted()).isLessThan(crashEpoch);

        Listeners second = new Listeners(training);
        second.restore(memory.listenerStates);
        List<Integer> resumedAt = new ArrayList<>();
        TrainingListener watch = new TrainingListener() {
            @Override
            public void onStart(TrainingControl control) {
                resumedAt.add(0);
            }

            @Override
            public void onResume(TrainingControl control, int epochsCompleted) {
                resumedAt.add(epochsCompleted);
            }
        };
        Outcome resumed = run(model, training, new Memory(every, memory.saved), second.all().andThen(watch));

        assertThat(resumedAt).containsExactly(memory.saved.epochsCompleted());
        assertThat(withoutSeconds(resumed.training.result().history()))
                .isEqualTo(withoutSeconds(straight.training.result().history()));
        assertThat(resumed.training.result().bestEpoch()).isEqualTo(straight.training.result().bestEpoch());
        assertThat(resumed.training.result().stopReason()).isEqualTo(straight.training.result().stopReason());
        assertThat(resumed.parameters).as("parameters, bit for bit").isEqualTo(straight.parameters);
        return straight;
    }

    private Outcome run(ModelSpec model, TrainingSpec training, TrainingCheckpoints checkpoints, TrainingListener listener)
            throws IOException {
        TrainingListener listeners = listener != null ? listener : new Listeners(training).all();
        Training result = new Dl4jBackend().trainer(shape, model, training, SEED)
                .fit(train, validation, listeners, checkpoints);
        ByteArrayOutputStream parameters = new ByteArrayOutputStream();
        try (var trained = result.model()) {
            trained.writeParameters(parameters);
            return new Outcome(result, parameters.toByteArray(), trained.parameterCount());
        }
    }

    private void crashAfter(ModelSpec model, TrainingSpec training, Memory memory, int epoch) {
        assertThatThrownBy(() -> new Dl4jBackend().trainer(shape, model, training, SEED)
                .fit(train, validation, new Listeners(training).all().andThen(crashAt(epoch)), memory))
                .isInstanceOf(Crash.class);
    }

    private static List<List<Object>> withoutSeconds(List<EpochResult> history) {
        return history.stream().map(e -> List.<Object>of(e.epoch(), e.trainLoss(), e.valLoss(), e.learningRate())).toList();
    }

    private static TrainingListener crashAt(int epoch) {
        return new TrainingListener() {
            @Override
            public void onEpochEnd(EpochResult result, TrainingControl control) {
                if (result.epoch() == epoch) {
                    throw new Crash();
                }
            }
        };
    }

    private record Outcome(Training training, byte[] parameters, long parameterCount) {}

    /** Stands for a kill: nothing after it runs. */
    private static final class Crash extends RuntimeException {}

    /** The engine's listeners for a spec: the schedule, then early stopping when it is on. */
    private static final class Listeners {
        final TrainingListener schedule;
        final EarlyStopping earlyStopping;

        Listeners(TrainingSpec training) {
            schedule = Schedulers.forSpec(training.scheduler(), training.optimizer().learningRate(),
                    training.earlyStopping().monitor());
            earlyStopping = training.earlyStopping().enabled() ? new EarlyStopping(training.earlyStopping()) : null;
        }

        TrainingListener all() {
            return earlyStopping == null ? schedule : schedule.andThen(earlyStopping);
        }

        List<Object> states() {
            List<Object> states = new ArrayList<>();
            states.add(schedule instanceof ReduceLrOnPlateau plateau ? plateau.state() : null);
            states.add(earlyStopping == null ? null : earlyStopping.state());
            return states;
        }

        void restore(List<Object> states) {
            if (schedule instanceof ReduceLrOnPlateau plateau) {
                plateau.restore((ReduceLrOnPlateau.State) states.get(0));
            }
            if (earlyStopping != null) {
                earlyStopping.restore((EarlyStopping.State) states.get(1));
            }
        }
    }

    /** Checkpoints in memory; the listeners' states are taken with each save, as the engine does. */
    private static final class Memory implements TrainingCheckpoints {
        private final int every;
        private final TrainingState resume;
        Listeners listeners;
        TrainingState saved;
        List<Object> listenerStates;

        Memory(int every, TrainingState resume) {
            this.every = every;
            this.resume = resume;
        }

        @Override
        public boolean dueAfter(int epoch) {
            return epoch % every == 0;
        }

        @Override
        public Optional<TrainingState> resumeFrom() {
            return Optional.ofNullable(resume);
        }

        @Override
        public void save(TrainingState state) {
            saved = state;
            listenerStates = listeners == null ? null : listeners.states();
        }
    }
}
