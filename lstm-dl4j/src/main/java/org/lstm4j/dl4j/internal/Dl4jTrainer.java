package org.lstm4j.dl4j.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.StopReason;
import org.lstm4j.api.Trainer;
import org.lstm4j.api.Training;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingResult;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.WindowedData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop. Each {@link #fit} builds a fresh network from the seed, so two fits with the same seed and
 * data give bit-identical histories and weights.
 *
 * <p>Per epoch: shuffle the sample order (when asked; one {@code java.util.Random(seed)} per fit), then one
 * {@link OptimizerStep} per {@code accumulation_steps} consecutive batches of {@code batch_size} (the epoch's last
 * step may get fewer), then the validation loss in inference mode. The epoch's train loss is the sample-weighted
 * mean of the batch losses, each measured before its step and without the l2 / weight-decay term (as PyTorch
 * reports it). The best epoch has the lowest validation loss, or the lowest train loss without validation data; 0
 * when no epoch has a finite one.
 *
 * <p>Divergence: a non-finite batch loss ends the epoch at once, and an epoch that ends with a non-finite parameter
 * (a gradient that overflowed in the epoch's last step) counts as diverged too; training then stops with
 * {@link StopReason#DIVERGED} after the listener has seen the epoch. When an earlier epoch was finite, the network
 * gets the parameters it had at the end of the best epoch back (kept in a copy whenever the best epoch improves), so
 * the diverged run still returns a usable model.
 */
final class Dl4jTrainer implements Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Dl4jTrainer.class);

    private final SampleShape shape;
    private final ModelSpec model;
    private final TrainingSpec training;
    private final long seed;

    Dl4jTrainer(SampleShape shape, ModelSpec model, TrainingSpec training, long seed) {
        this.shape = shape;
        this.model = model;
        this.training = training;
        this.seed = seed;
    }

    @Override
    public Training fit(WindowedData train, WindowedData validation, TrainingListener listener) {
        Objects.requireNonNull(train, "train");
        checkShape("train", train);
        if (validation != null) {
            checkShape("validation", validation);
        }
        if (train.size() < 1) {
            throw new IllegalArgumentException("no training samples: the train part is shorter than one window plus horizon");
        }
        TrainingListener events = listener == null ? TrainingListener.NONE : listener;
        boolean validating = validation != null && validation.size() > 0;

        ComputationGraph net = NetworkFactory.build(shape, model, training, seed);
        LossEvaluator evaluator = new LossEvaluator(Losses.of(training.loss()));
        RunControl control = new RunControl(net, training.optimizer().learningRate(), Dl4jTrainedModel.of(net, shape, model));
        OptimizerStep step = new OptimizerStep(net, training);
        Random shuffler = new Random(seed);
        int samples = train.size();
        int batchSize = training.batchSize().resolve(samples);
        int samplesPerStep = (int) Math.min(samples, (long) batchSize * training.accumulationSteps());
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        Batches batches = new Batches(train, Precisions.dataType(training.precision()));
        List<EpochResult> history = new ArrayList<>();
        StopReason stopReason = StopReason.COMPLETED;
        int bestEpoch = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        INDArray bestParameters = null;

        long start = System.nanoTime();
        events.onStart(control);
        for (int epoch = 1; epoch <= training.epochs(); epoch++) {
            if (control.stopRequested()) {
                stopReason = control.stopReason();
                break;
            }
            long epochStart = System.nanoTime();
            double learningRate = control.learningRate();
            if (training.shuffle()) {
                shuffle(order, shuffler);
            }
            double lossSum = 0;
            int seen = 0;
            for (int from = 0; from < samples; from += samplesPerStep) {
                int to = Math.min(samples, from + samplesPerStep);
                int first = from;
                int count = (to - from + batchSize - 1) / batchSize;
                double loss = step.apply(count, to - from,
                        i -> batches.dataSet(order, first + i * batchSize, Math.min(to, first + (i + 1) * batchSize)));
                lossSum += loss * (to - from);
                seen += to - from;
                if (!Double.isFinite(loss)) {
                    break;
                }
            }
            net.incrementEpochCount();
            double trainLoss = lossSum / seen;
            double valLoss = validating ? evaluator.meanLoss(net, validation) : Double.NaN;
            EpochResult result = new EpochResult(epoch, trainLoss, valLoss, learningRate,
                    (System.nanoTime() - epochStart) / 1e9);
            history.add(result);
            boolean diverged = !Double.isFinite(trainLoss) || !Double.isFinite(net.params().norm1Number().doubleValue());
            double monitored = validating ? valLoss : trainLoss;
            if (!diverged && monitored < bestLoss) {
                bestLoss = monitored;
                bestEpoch = epoch;
                if (bestParameters == null) {
                    bestParameters = net.params().dup();
                } else {
                    bestParameters.assign(net.params());
                }
            }
            LOG.debug("epoch {}: train {} val {} lr {}", epoch, trainLoss, valLoss, learningRate);
            events.onEpochEnd(result, control);
            if (diverged) {
                LOG.info("training diverged in epoch {}: train loss {}{}", epoch, trainLoss,
                        bestEpoch > 0 ? "; the parameters of epoch " + bestEpoch + ", the best, are restored" : "");
                if (bestParameters != null) {
                    net.setParams(bestParameters);
                }
                stopReason = StopReason.DIVERGED;
                break;
            }
            if (control.stopRequested()) {
                stopReason = control.stopReason();
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        TrainingResult result = new TrainingResult(history, bestEpoch, stopReason, seconds, EngineInfo.current(), seed);
        events.onEnd(result);
        return new Training(Dl4jTrainedModel.of(net, shape, model), result);
    }

    private void checkShape(String part, WindowedData data) {
        if (data.window() != shape.window() || data.features() != shape.features() || data.horizon() != shape.horizon()) {
            throw new IllegalArgumentException("the " + part + " samples have window " + data.window() + ", features "
                    + data.features() + ", horizon " + data.horizon() + "; the trainer was built for " + shape);
        }
    }

    /** Fisher-Yates, continuing from the previous epoch's order. */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
