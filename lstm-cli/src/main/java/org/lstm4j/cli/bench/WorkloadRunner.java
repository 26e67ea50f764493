package org.lstm4j.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lstm4j.api.Backend;
import org.lstm4j.api.BackendInfo;
import org.lstm4j.api.Backends;
import org.lstm4j.api.BatchSize;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.Training;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.WindowedData;

/**
 * Runs one workload in this JVM through the public SPI ({@link Backends#load()}, {@link Backend#trainer},
 * {@link TrainedModel#predict}): the code an SDK user runs. Returns the figures under {@code torch_bench.py}'s JSON
 * keys, plus details (backend, threads, breakdowns).
 */
final class WorkloadRunner {
    /** Seed of weights (and of the input noise where torch_bench.py uses 42). */
    static final long SEED = 42;
    /** Seed of the {@code large} workload's noise ({@code torch.Generator().manual_seed(7)}). */
    static final long LARGE_SEED = 7;

    private final Settings settings;
    private final long benchEnteredMillis;
    private Backend backend;
    private volatile double sink;

    /**
     * @param settings           sizes
     * @param benchEnteredMillis wall-clock time {@code lstm bench} started (for the start-up breakdown)
     */
    WorkloadRunner(Settings settings, long benchEnteredMillis) {
        this.settings = settings;
        this.benchEnteredMillis = benchEnteredMillis;
    }

    Map<String, Object> run(Workload workload) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("workload", workload.id());
        switch (workload) {
            case STARTUP -> startup(r);
            case SINE -> sine(r);
            case LARGE -> large(r);
            case INFER -> infer(r, 10, 1, 50);
            case INFERLARGE -> infer(r, 64, 8, 128);
        }
        r.put(Figure.PEAK_RSS_MB.key, ProcessMemory.peakMegabytes());
        BackendInfo info = backend().info();
        r.put("backend", info.name());
        r.put("engine", info.engine());
        r.put("threads", info.threads());
        r.put("omp_num_threads", System.getenv("OMP_NUM_THREADS"));
        r.put("java", System.getProperty("java.version"));
        r.put("quick", settings != Settings.FULL);
        return r;
    }

    private Backend backend() {
        if (backend == null) {
            backend = Backends.load();
        }
        return backend;
    }

    /** JVM start to the end of the first predict(): ND4J start-up, network, one step on one window, prediction. */
    private void startup(Map<String, Object> r) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        Backend b = backend();
        b.info(); // starts ND4J
        long t1 = System.nanoTime();
        UniformWindows one = new UniformWindows(1, SineData.WINDOW, 1, SEED);
        try (TrainedModel model = b.trainer(SampleShape.of(one), ModelSpec.defaults(), oneStep(), SEED)
                .fit(one, null, TrainingListener.NONE).model()) {
            long t2 = System.nanoTime();
            sink += model.predict(one)[0][0];
            long end = System.currentTimeMillis();
            long t3 = System.nanoTime();
            r.put(Figure.STARTUP_MS.key, (double) (end - jvmStart));
            r.put("jvm_to_bench_ms", (double) (benchEnteredMillis - jvmStart));
            r.put("backend_start_ms", (t1 - t0) / 1e6);
            r.put("first_model_ms", (t2 - t1) / 1e6);
            r.put("first_predict_ms", (t3 - t2) / 1e6);
        }
    }

    private void sine(Map<String, Object> r) {
        SineData data = SineData.seed();
        TrainingSpec spec = adam(settings.sineEpochs(), BatchSize.full());
        Training training = backend().trainer(SampleShape.of(data), ModelSpec.defaults(), spec, SEED)
                .fit(data, null, TrainingListener.NONE);
        training.model().close();
        List<EpochResult> history = training.result().history();
        int skip = Math.min(10, history.size() / 2);
        r.put(Figure.EPOCH_MS.key, Stats.median(seconds(history), skip) * 1e3);
        r.put(Figure.FINAL_LOSS.key, history.get(history.size() - 1).trainLoss());
        r.put("epochs", history.size());
        r.put("median_of_epochs", (skip + 1) + "-" + history.size());
        r.put("first_epoch_ms", history.get(0).seconds() * 1e3);
        r.put("stop_reason", training.result().stopReason().toString());
    }

    private void large(Map<String, Object> r) {
        int batches = settings.largeBatches();
        NoiseWindows data = new NoiseWindows(settings.largeBatchSize() * batches, 64, 8, LARGE_SEED);
        TrainingSpec spec = adam(settings.largeEpochs(), BatchSize.of(settings.largeBatchSize()));
        Training training = backend().trainer(SampleShape.of(data), ModelSpec.defaults().withHiddenSize(128), spec, SEED)
                .fit(data, null, TrainingListener.NONE);
        training.model().close();
        List<EpochResult> history = training.result().history();
        double epochMs = Stats.median(seconds(history), 1) * 1e3;
        r.put(Figure.BATCH_MS.key, epochMs / batches);
        r.put("epoch_ms", epochMs);
        r.put("median_of_epochs", "2-" + history.size());
        r.put("batches_per_epoch", batches);
        r.put("batch_size", settings.largeBatchSize());
        r.put("first_epoch_ms", history.get(0).seconds() * 1e3);
        r.put("final_loss", history.get(history.size() - 1).trainLoss());
    }

    private void infer(Map<String, Object> r, int window, int features, int hidden) {
        UniformWindows one = new UniformWindows(1, window, features, SEED);
        UniformWindows many = new UniformWindows(settings.throughputBatch(), window, features, SEED + 1);
        // The SPI hands out models from training (or restore): one Adam step on one window stands in for
        // torch_bench.py's untrained model; the weights' values do not change the work.
        try (TrainedModel model = backend().trainer(SampleShape.of(one), ModelSpec.defaults().withHiddenSize(hidden),
                oneStep(), SEED).fit(one, null, TrainingListener.NONE).model()) {
            double[] latency = time(model, one, settings.latencyWarmup() + settings.latencyCalls());
            double[] batch = time(model, many, settings.throughputWarmup() + settings.throughputCalls());
            r.put(Figure.B1_LATENCY_US.key, Stats.median(latency, settings.latencyWarmup()) * 1e6);
            r.put(Figure.B1024_WINDOWS_PER_S.key, many.size() / Stats.median(batch, settings.throughputWarmup()));
            r.put("throughput_batch", many.size());
            r.put("parameters", model.parameterCount());
        }
    }

    /** Seconds of each of {@code calls} predict() calls. */
    private double[] time(TrainedModel model, WindowedData data, int calls) {
        double[] seconds = new double[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            double[][] out = model.predict(data);
            sink += out[0][0];
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        return seconds;
    }

    private static double[] seconds(List<EpochResult> history) {
        return history.stream().mapToDouble(EpochResult::seconds).toArray();
    }

    /** Adam(0.01), MSE, no shuffling: torch_bench.py's loop. */
    private static TrainingSpec adam(int epochs, BatchSize batchSize) {
        return TrainingSpec.defaults().withEpochs(epochs).withBatchSize(batchSize).withShuffle(false)
                .withOptimizer(OptimizerSpec.adam(0.01));
    }

    private static TrainingSpec oneStep() {
        return adam(1, BatchSize.full());
    }
}
