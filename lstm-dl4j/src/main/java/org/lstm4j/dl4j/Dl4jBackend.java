package org.lstm4j.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.lstm4j.api.Backend;
import org.lstm4j.api.BackendInfo;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.NetworkWeights;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.api.Trainer;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.dl4j.internal.Dl4jEngine;
import org.lstm4j.dl4j.internal.NativeMemorySettings;

/**
 * The Deeplearning4j backend ({@code dl4j}): a DL4J {@code ComputationGraph} per model.
 *
 * <ul>
 *   <li>{@code lstm}: stacked LSTM layers, the top one read at its last time step;</li>
 *   <li>{@code bilstm}: stacked bidirectional LSTM layers, the head reading both directions' final states
 *       (PyTorch's {@code h_n}), merged by concat, sum or average;</li>
 *   <li>{@code attention}: stacked LSTM layers pooled by additive attention over all time steps; the trained model
 *       implements {@link org.lstm4j.api.AttentionWeights};</li>
 * </ul>
 * then optional BatchNorm and a linear head of {@code horizon} outputs. Dropout between stacked layers, recurrent
 * dropout (one mask per sequence on each LSTM's {@code h(t-1)}, float32 and float64 on the CPU only), l2,
 * decoupled weight decay (every optimizer), global-norm and element-wise gradient clipping, gradient accumulation
 * and float32 / float64 / float16 precision are all implemented; see {@code docs/parameters.md}.
 *
 * <p>Found through {@link java.util.ServiceLoader} ({@code META-INF/services/org.lstm4j.api.Backend}). Loading the
 * class sets JavaCPP's {@code org.bytedeco.javacpp.maxPhysicalBytes} to 0 unless it is set (see
 * {@code docs/performance.md}); an application that starts ND4J before lstm4j should set it itself.
 *
 * <p>Compute threads: {@link #trainer} and {@link #restore} set ND4J's OpenMP, OpenBLAS and master thread counts to
 * {@code training.threads}, else system property {@code lstm4j.threads}, else environment variable
 * {@code OMP_NUM_THREADS}, else 1 (the fastest measured for these networks, {@code docs/sdk.md}). The setting is
 * process-wide. When ND4J's native libraries cannot load (no CUDA driver for the {@code -Pcuda} build, a missing
 * platform classifier) these methods throw {@link org.lstm4j.api.BackendUnavailableException} with one line.
 */
public final class Dl4jBackend implements Backend {

    /** The name stored in bundles. */
    public static final String NAME = "dl4j";

    static {
        NativeMemorySettings.apply();
    }

    /** Creates the backend; ND4J itself starts on first use. */
    public Dl4jBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Trainer trainer(SampleShape shape, ModelSpec model, TrainingSpec training, long seed) {
        prepare(shape, model, training);
        return Dl4jEngine.trainer(shape, model, training, seed);
    }

    @Override
    public TrainedModel restore(SampleShape shape, ModelSpec model, TrainingSpec training, InputStream parameters)
            throws IOException {
        Objects.requireNonNull(parameters, "parameters");
        prepare(shape, model, training);
        return Dl4jEngine.restore(shape, model, training, parameters);
    }

    @Override
    public TrainedModel restore(SampleShape shape, ModelSpec model, TrainingSpec training, NetworkWeights weights) {
        Objects.requireNonNull(weights, "weights");
        prepare(shape, model, training);
        return Dl4jEngine.restore(shape, model, training, weights);
    }

    /** Checks the specs every method needs and sets the compute threads. */
    private static void prepare(SampleShape shape, ModelSpec model, TrainingSpec training) {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        Dl4jEngine.applyThreads(training.threads());
    }

    @Override
    public BackendInfo info() {
        return Dl4jEngine.info();
    }

    @Override
    public String toString() {
        return "Dl4jBackend";
    }
}
