package org.lstm4j.dl4j;

import java.util.Arrays;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.Training;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.WindowedData;

/**
 * Not a test: measures the seed's sine job for each architecture, as {@code /work/shared/bench/torch_sine_job.py}
 * does it for PyTorch. Sine sampled every 0.1 on [0, 20 pi); min-max scaling to [0, 1] fitted on the first 80%;
 * windows of 10; LSTM(50) x 2 (bilstm: concat; attention: attention_size 64); Adam 0.01, full batch, 100 epochs,
 * no shuffling; test RMSE in the data's units over the windows whose target lies in the last 10%. Then the plain
 * LSTM again in float64 and float16, for the cost of each precision.
 *
 * <p>Run with the test class path and {@code OMP_NUM_THREADS=1}. Arguments: {@code architectures},
 * {@code precisions}, {@code float64} (the float64 rows only) or {@code all} (the default), then seeds (default 7). float16 is slow on CPU (no half-precision
 * BLAS: tens of seconds per epoch), so {@code precisions} takes a long time.
 */
public final class ArchitectureComparison {
    private static final int WINDOW = 10;

    private ArchitectureComparison() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 && !args[0].matches("-?\\d+") ? args[0] : "all";
        long[] seeds = Arrays.stream(args).filter(a -> a.matches("-?\\d+")).mapToLong(Long::parseLong).toArray();
        if (seeds.length == 0) {
            seeds = new long[] {7};
        }
        double[] series = new double[(int) Math.ceil(20 * Math.PI / 0.1)];
        for (int i = 0; i < series.length; i++) {
            series[i] = Math.sin(i * 0.1);
        }
        int trainEnd = (int) (series.length * 0.8);
        int testStart = trainEnd + (int) (series.length * 0.1);
        double lo = Arrays.stream(series, 0, trainEnd).min().orElseThrow();
        double hi = Arrays.stream(series, 0, trainEnd).max().orElseThrow();
        double[] scaled = Arrays.stream(series).map(v -> (v - lo) / (hi - lo)).toArray();
        Series train = new Series(scaled, WINDOW, trainEnd);
        Series test = new Series(scaled, testStart, series.length);

        TrainingSpec training = TrainingSpec.defaults().withEpochs(100).withBatchSize(BatchSize.full()).withShuffle(false)
                .withOptimizer(OptimizerSpec.adam(0.01));
        ModelSpec lstm = ModelSpec.defaults(); // LSTM(50) x 2
        System.out.printf("%d points, %d train windows, %d test windows, threads %s%n", series.length, train.size(),
                test.size(), System.getenv("OMP_NUM_THREADS"));
        System.out.println("architecture  precision  seed  params  median_epoch_ms  test_rmse");
        for (ModelSpec.Architecture architecture : ModelSpec.Architecture.values()) {
            for (long seed : mode.equals("precisions") || mode.equals("float64") ? new long[0] : seeds) {
                run(lstm.withArchitecture(architecture), training, seed, train, test, hi - lo);
            }
        }
        if (mode.equals("architectures")) {
            return;
        }
        TrainingSpec.Precision[] precisions = mode.equals("float64")
                ? new TrainingSpec.Precision[] {TrainingSpec.Precision.FLOAT64}
                : new TrainingSpec.Precision[] {TrainingSpec.Precision.FLOAT64, TrainingSpec.Precision.FLOAT16};
        for (TrainingSpec.Precision precision : precisions) {
            TrainingSpec t = new TrainingSpec(training.epochs(), training.batchSize(), training.shuffle(),
                    training.optimizer(), training.loss(), training.l2(), training.weightDecay(),
                    training.gradientClipping(), training.accumulationSteps(), precision, training.scheduler(),
                    training.earlyStopping());
            for (long seed : seeds) {
                run(lstm, t, seed, train, test, hi - lo);
            }
        }
    }

    private static void run(ModelSpec model, TrainingSpec training, long seed, Series train, Series test, double range) {
        Training t = new Dl4jBackend().trainer(new SampleShape(WINDOW, 1, 1), model, training, seed).fit(train, null, null);
        double[][] predicted = t.model().predict(test);
        double squares = 0;
        for (int i = 0; i < test.size(); i++) {
            double error = (predicted[i][0] - test.target(i)) * range;
            squares += error * error;
        }
        double[] epochMs = t.result().history().stream().mapToDouble(EpochResult::seconds).map(s -> s * 1000)
                .sorted().toArray();
        System.out.printf("%-12s  %-9s  %4d  %6d  %15.1f  %9.5f%n", model.architecture().name().toLowerCase(),
                training.precision().name().toLowerCase(), seed, t.model().parameterCount(), epochMs[epochMs.length / 2],
                Math.sqrt(squares / test.size()));
        t.model().close();
    }

    /** The windows whose single target lies in {@code [firstTarget, end)}, inputs the {@value #WINDOW} steps before. */
    private static final class Series implements WindowedData {
        private final double[] values;
        private final int firstTarget;
        private final int size;

        Series(double[] values, int firstTarget, int end) {
            this.values = values;
            this.firstTarget = firstTarget;
            this.size = end - firstTarget;
        }

        double target(int sample) {
            return (float) values[firstTarget + sample];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int window() {
            return WINDOW;
        }

        @Override
        public int features() {
            return 1;
        }

        @Override
        public int horizon() {
            return 1;
        }

        @Override
        public void copyInputs(int sample, float[] destination, int offset) {
            for (int t = 0; t < WINDOW; t++) {
                destination[offset + t] = (float) values[firstTarget + sample - WINDOW + t];
            }
        }

        @Override
        public void copyTargets(int sample, float[] destination, int offset) {
            destination[offset] = (float) values[firstTarget + sample];
        }
    }
}
