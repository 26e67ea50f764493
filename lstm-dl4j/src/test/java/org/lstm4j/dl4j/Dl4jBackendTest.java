package org.lstm4j.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lstm4j.dl4j.TestSpecs.model;
import static org.lstm4j.dl4j.TestSpecs.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lstm4j.api.Backend;
import org.lstm4j.api.BackendInfo;
import org.lstm4j.api.Backends;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.Training;
import org.lstm4j.api.TrainingControl;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingResult;
import org.lstm4j.api.TrainingSpec;

/** The backend end to end on real DL4J (CPU), on a small sine series. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Dl4jBackendTest {
    private static final long SEED = 42;

    private final Backend backend = new Dl4jBackend();
    private final SineWindows all = SineWindows.of(200, 10, 1); // 190 samples
    private final SineWindows train = all.range(0, 150);
    private final SineWindows validation = all.range(150, 190);
    private final SampleShape shape = SampleShape.of(all);

    private Training sine;

    @BeforeAll
    void trainSine() {
        sine = backend.trainer(shape, model(), training(30), SEED).fit(train, validation, TrainingListener.NONE);
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(Backends.named("dl4j")).isInstanceOf(Dl4jBackend.class);
        assertThat(backend.name()).isEqualTo("dl4j");
    }

    @Test
    void infoNamesTheNd4jEngineAndThreads() {
        BackendInfo info = backend.info();
        assertThat(info.name()).isEqualTo("dl4j");
        assertThat(info.engine()).isEqualTo("CpuBackend");
        assertThat(info.threads()).isPositive();
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp != null) {
            assertThat(info.threads()).isEqualTo(Integer.parseInt(omp));
            assertThat(info.threadsSource()).isEqualTo("OMP_NUM_THREADS");
        } else {
            assertThat(info.threads()).isEqualTo(1);
            assertThat(info.threadsSource()).isEqualTo("default");
        }
        assertThat(info.devices()).singleElement().asString().startsWith("cpu: ");
        assertThat(info.nativeCache()).isNotEmpty();
        assertThat(sine.result().backend()).isEqualTo(info);
    }

    @Test
    void learnsTheSineAndBeatsTheNaiveForecast() {
        TrainingResult result = sine.result();
        List<EpochResult> history = result.history();
        assertThat(history).hasSize(30);
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.seed()).isEqualTo(SEED);
        assertThat(result.trainSeconds()).isPositive();
        assertThat(history.get(29).trainLoss()).isLessThan(history.get(0).trainLoss() / 10);
        assertThat(history.get(29).valLoss()).isLessThan(history.get(0).valLoss() / 10);
        assertThat(history).allSatisfy(e -> assertThat(e.learningRate()).isEqualTo(0.01));
        assertThat(history).extracting(EpochResult::epoch).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, 30).boxed().toArray(Integer[]::new));

        double[][] predicted = sine.model().predict(validation);
        double model = 0;
        double naive = 0;
        for (int i = 0; i < validation.size(); i++) {
            model += sq(predicted[i][0] - validation.target(i, 0));
            naive += sq(validation.lastValue(i) - validation.target(i, 0));
        }
        assertThat(model / validation.size()).isLessThan(naive / validation.size() / 10);
        // the validation loss is the MSE of the model's predictions, without regularisation
        assertThat(history.get(29).valLoss()).isCloseTo(model / validation.size(),
                org.assertj.core.data.Percentage.withPercentage(1e-3));
    }

    @Test
    void bestEpochHasTheLowestValidationLoss() {
        List<EpochResult> history = sine.result().history();
        EpochResult best = history.stream().min(java.util.Comparator.comparingDouble(EpochResult::valLoss)).orElseThrow();
        assertThat(sine.result().bestEpoch()).isEqualTo(best.epoch());
    }

    @Test
    void withoutValidationTheValLossIsNaNAndTheBestEpochFollowsTheTrainLoss() {
        TrainingResult result = backend.trainer(shape, model(), training(4), SEED).fit(train, null, null).result();
        assertThat(result.history()).allSatisfy(e -> assertThat(e.hasValidation()).isFalse());
        EpochResult best = result.history().stream().min(java.util.Comparator.comparingDouble(EpochResult::trainLoss)).orElseThrow();
        assertThat(result.bestEpoch()).isEqualTo(best.epoch());
        TrainingResult empty = backend.trainer(shape, model(), training(1), SEED).fit(train, all.range(0, 0), null).result();
        assertThat(empty.history().get(0).valLoss()).isNaN();
    }

    @Test
    void sameSeedGivesIdenticalHistoryAndPredictions() {
        Training a = backend.trainer(shape, model(), training(5), 7).fit(train, validation, null);
        Training b = backend.trainer(shape, model(), training(5), 7).fit(train, validation, null);
        assertThat(losses(a)).isEqualTo(losses(b));
        assertThat(a.model().predict(validation)).isDeepEqualTo(b.model().predict(validation));

        Training c = backend.trainer(shape, model(), training(5), 8).fit(train, validation, null);
        assertThat(losses(c)).isNotEqualTo(losses(a));
        assertThat(Arrays.deepEquals(c.model().predict(validation), a.model().predict(validation))).isFalse();
    }

    @Test
    void restoredParametersPredictBitIdentically() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sine.model().writeParameters(bytes);
        long n = sine.model().parameterCount();
        assertThat(bytes.size()).isEqualTo(20 + 4 * n);
        // LSTM(16) on 1 feature: 4 gates x (1 + 16 + 1) x 16; head 16 + 1
        assertThat(n).isEqualTo(4L * (1 + 16 + 1) * 16 + 17);

        TrainedModel restored = backend.restore(shape, model(), training(30), new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(restored.parameterCount()).isEqualTo(n);
        assertThat(restored.predict(all)).isDeepEqualTo(sine.model().predict(all));
    }

    @Test
    void corruptParameterStreamsFailWithAClearMessage() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sine.model().writeParameters(out);
        byte[] good = out.toByteArray();

        byte[] badMagic = good.clone();
        badMagic[0] = 'X';
        assertThatThrownBy(() -> restore(badMagic)).isInstanceOf(IOException.class).hasMessageContaining("LSTM4JP1");

        assertThatThrownBy(() -> restore(Arrays.copyOf(good, good.length - 10)))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> restore(Arrays.copyOf(good, 12)))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> restore(new byte[0])).isInstanceOf(IOException.class).hasMessageContaining("empty");

        long n = sine.model().parameterCount();
        assertThatThrownBy(() -> backend.restore(shape, model().withHiddenSize(8), training(1), new ByteArrayInputStream(good)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("parameter count " + n + " does not match the network's " + (4L * (1 + 8 + 1) * 8 + 9));
    }

    private TrainedModel restore(byte[] bytes) throws IOException {
        return backend.restore(shape, model(), training(1), new ByteArrayInputStream(bytes));
    }

    @Test
    void severalFeaturesAndAHorizonOfThree() {
        SineWindows data = SineWindows.of(120, 12, 3, 2, 1.0);
        SampleShape s = SampleShape.of(data);
        assertThat(s).isEqualTo(new SampleShape(12, 2, 3));
        Training t = backend.trainer(s, model().withNumLayers(2).withHiddenSize(8), training(2), SEED).fit(data, null, null);
        double[][] predicted = t.model().predict(data);
        assertThat(predicted).hasDimensions(data.size(), 3);
        assertThat(Arrays.stream(predicted).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void predictsMoreSamplesThanOneInferenceBatch() {
        SineWindows big = SineWindows.of(1100, 10, 1); // 1090 samples: batches of 1024 and 66
        double[][] predicted = sine.model().predict(big);
        assertThat(predicted).hasNumberOfRows(1090);
        // the same windows predicted in one small batch agree with the big run
        double[][] head = sine.model().predict(big.range(1080, 1090));
        for (int i = 0; i < 10; i++) {
            assertThat(head[i][0]).isCloseTo(predicted[1080 + i][0], org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void aListenerCanStopAfterEpochThree() {
        List<String> calls = new ArrayList<>();
        TrainingListener stopAt3 = new TrainingListener() {
            @Override
            public void onStart(TrainingControl control) {
                calls.add("start");
            }

            @Override
            public void onEpochEnd(EpochResult epoch, TrainingControl control) {
                calls.add("epoch" + epoch.epoch());
                if (epoch.epoch() == 3) {
                    control.requestStop(StopReason.REQUESTED);
                }
            }

            @Override
            public void onEnd(TrainingResult result) {
                calls.add("end" + result.epochsRun());
            }
        };
        TrainingResult result = backend.trainer(shape, model(), training(10), SEED).fit(train, validation, stopAt3).result();
        assertThat(result.epochsRun()).isEqualTo(3);
        assertThat(result.stopReason()).isEqualTo(StopReason.REQUESTED);
        assertThat(calls).containsExactly("start", "epoch1", "epoch2", "epoch3", "end3");
    }

    @Test
    void earlyStoppingReasonIsPassedThrough() {
        TrainingListener stop = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochResult epoch, TrainingControl control) {
                control.requestStop(StopReason.EARLY_STOPPING);
            }
        };
        TrainingResult result = backend.trainer(shape, model(), training(5), SEED).fit(train, null, stop).result();
        assertThat(result.epochsRun()).isEqualTo(1);
        assertThat(result.stopReason()).isEqualTo(StopReason.EARLY_STOPPING);
    }

    @Test
    void aNewLearningRateShowsInTheNextEpoch() {
        List<Double> seenByControl = new ArrayList<>();
        TrainingListener decay = new TrainingListener() {
            @Override
            public void onStart(TrainingControl control) {
                seenByControl.add(control.learningRate());
            }

            @Override
            public void onEpochEnd(EpochResult epoch, TrainingControl control) {
                if (epoch.epoch() == 2) {
                    control.setLearningRate(0.002);
                    seenByControl.add(control.learningRate());
                }
            }
        };
        TrainingResult result = backend.trainer(shape, model(), training(4), SEED).fit(train, validation, decay).result();
        assertThat(result.history()).extracting(EpochResult::learningRate).containsExactly(0.01, 0.01, 0.002, 0.002);
        assertThat(seenByControl).containsExactly(0.01, 0.002);
        // and it changed the training: the same run without the change differs from epoch 3 on
        TrainingResult plain = backend.trainer(shape, model(), training(4), SEED).fit(train, validation, null).result();
        assertThat(result.history().get(1).trainLoss()).isEqualTo(plain.history().get(1).trainLoss());
        assertThat(result.history().get(2).trainLoss()).isNotEqualTo(plain.history().get(2).trainLoss());
    }

    @Test
    void aLearningRateSetBeforeTheFirstEpochActsLikeTheSpecsRate() {
        TrainingListener warm = new TrainingListener() {
            @Override
            public void onStart(TrainingControl control) {
                control.setLearningRate(0.003);
            }
        };
        TrainingResult changed = backend.trainer(shape, model(), training(2), SEED).fit(train, validation, warm).result();
        TrainingResult specified = backend.trainer(shape, model(),
                training(2).withOptimizer(org.lstm4j.api.OptimizerSpec.adam(0.003)), SEED).fit(train, validation, null).result();
        assertThat(changed.history()).extracting(EpochResult::learningRate).containsExactly(0.003, 0.003);
        assertThat(changed.history()).extracting(EpochResult::trainLoss)
                .containsExactlyElementsOf(specified.history().stream().map(EpochResult::trainLoss).toList());
    }

    @Test
    void restoreBestBringsBackTheMarkedWeights() {
        TrainingListener markAt2 = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochResult epoch, TrainingControl control) {
                if (epoch.epoch() == 1) {
                    control.restoreBest(); // nothing marked yet: no-op
                }
                if (epoch.epoch() == 2) {
                    control.markBest();
                }
                if (epoch.epoch() == 5) {
                    control.restoreBest();
                }
            }
        };
        Training marked = backend.trainer(shape, model(), training(5), SEED).fit(train, validation, markAt2);
        Training twoEpochs = backend.trainer(shape, model(), training(2), SEED).fit(train, validation, null);
        Training fiveEpochs = backend.trainer(shape, model(), training(5), SEED).fit(train, validation, null);
        assertThat(marked.model().predict(validation)).isDeepEqualTo(twoEpochs.model().predict(validation));
        assertThat(Arrays.deepEquals(fiveEpochs.model().predict(validation), twoEpochs.model().predict(validation))).isFalse();
    }

    @Test
    void anExplodingLossStopsWithDiverged() {
        SineWindows huge = SineWindows.of(80, 10, 1, 1, 1e19);
        TrainingSpec sgd = training(20).withOptimizer(TestSpecs.optimizer(
                org.lstm4j.api.OptimizerSpec.OptimizerType.SGD, 1.0, 0.0));
        List<EpochResult> seen = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochResult epoch, TrainingControl control) {
                seen.add(epoch);
            }
        };
        TrainingResult result = backend.trainer(SampleShape.of(huge), model(), sgd, SEED).fit(huge, null, record).result();
        assertThat(result.stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(result.epochsRun()).isLessThan(20);
        assertThat(result.history().get(result.epochsRun() - 1).trainLoss()).isNotFinite();
        assertThat(seen).hasSize(result.epochsRun());
    }

    @Test
    void rejectsDataOfAnotherShape() {
        SineWindows other = SineWindows.of(100, 8, 1);
        assertThatThrownBy(() -> backend.trainer(shape, model(), training(1), SEED).fit(other, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window 8");
        assertThatThrownBy(() -> sine.model().predict(other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 steps");
    }

    private static List<List<Double>> losses(Training t) {
        return t.result().history().stream().map(e -> List.of(e.trainLoss(), e.valLoss())).toList();
    }

    private static double sq(double x) {
        return x * x;
    }
}
