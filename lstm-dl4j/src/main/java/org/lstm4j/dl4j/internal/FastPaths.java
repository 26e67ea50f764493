package org.lstm4j.dl4j.internal;

/**
 * System properties that switch off lstm4j's faster implementations one by one, to compare them with what they
 * replace (each defaults to {@code true}; read on every use, so a test can flip them):
 *
 * <ul>
 *   <li>{@value #KERNEL}: {@link LstmKernel} for training and large-batch inference; {@code false} runs DL4J's own
 *       LSTM implementation, and with it every path below;</li>
 *   <li>{@value #FUSED_GATES}: {@link GateSteps}, the kernel's element-wise work in one pass per time step in plain
 *       Java (float32 and float64); {@code false} runs it as ND4J operations, a dozen per step;</li>
 *   <li>{@value #TIME_MAJOR}: {@link LstmKernel}'s time-major layout for training, in which the input projection,
 *       the input gradient and the weight gradients are one matrix product per layer over all time steps;
 *       {@code false} runs them per time step (six products per step instead of two). Inference runs per step
 *       either way ({@link LstmWorkArrays});</li>
 *   <li>{@value #FUSED_INFERENCE}: libnd4j's fused {@code lstmLayer} for small-batch inference
 *       ({@link FusedLstmInference});</li>
 *   <li>{@value #JAVA_INFERENCE}: plain-Java inference of one or two windows ({@link SmallBatchLstm});</li>
 *   <li>{@value #FLOAT_JAVA_INFERENCE}: that inference in float32 for a float32 network ({@link FloatLstmSteps});
 *       {@code false} computes it in double precision.</li>
 * </ul>
 * and one number, {@value #JAVA_INFERENCE_WINDOWS}: how many windows a restored model computes in plain Java.
 * The results are the same either way (tested); only the speed differs. All are off on a backend other than ND4J's
 * CPU backend: they were measured and tested on the CPU only, and on CUDA DL4J's own layer is the tested path.
 */
final class FastPaths {
    static final String KERNEL = "lstm4j.fastLstm";
    static final String FUSED_GATES = "lstm4j.fusedGates";
    static final String FUSED_INFERENCE = "lstm4j.fusedLstmInference";
    static final String TIME_MAJOR = "lstm4j.timeMajor";
    static final String JAVA_INFERENCE = "lstm4j.javaInference";
    /** Float32 arithmetic in {@link SmallBatchLstm} for a float32 network ({@link FloatLstmSteps}); false: double. */
    static final String FLOAT_JAVA_INFERENCE = "lstm4j.floatJavaInference";
    /**
     * How many windows a restored model computes in plain Java (default {@value SmallBatchLstm#MAX_WINDOWS}, which
     * keeps its predictions bit-identical to the network that was saved); {@code lstm serve} sets it to
     * {@value SmallBatchLstm#MAX_WINDOWS_FROZEN}.
     */
    static final String JAVA_INFERENCE_WINDOWS = "lstm4j.javaInferenceWindows";

    private FastPaths() {
    }

    static boolean kernel() {
        return CpuBackend.IS_CPU && enabled(KERNEL);
    }

    static boolean fusedGates() {
        return kernel() && enabled(FUSED_GATES);
    }

    static boolean timeMajor() {
        return kernel() && enabled(TIME_MAJOR);
    }

    static boolean fusedInference() {
        return kernel() && enabled(FUSED_INFERENCE);
    }

    static boolean javaInference() {
        return kernel() && enabled(JAVA_INFERENCE);
    }

    static boolean floatJavaInference() {
        return enabled(FLOAT_JAVA_INFERENCE);
    }

    /** The most windows a restored model computes in plain Java ({@link #JAVA_INFERENCE_WINDOWS}), within 1..64. */
    static int javaInferenceWindows() {
        try {
            int value = Integer.parseInt(System.getProperty(JAVA_INFERENCE_WINDOWS, Integer.toString(SmallBatchLstm.MAX_WINDOWS)).trim());
            return Math.max(1, Math.min(SmallBatchLstm.MAX_WINDOWS_FROZEN, value));
        } catch (NumberFormatException e) {
            return SmallBatchLstm.MAX_WINDOWS;
        }
    }

    /** Whether ND4J runs on its CPU backend; asked once, when first needed (ND4J has started by then). */
    private static final class CpuBackend {
        static final boolean IS_CPU = "CPU".equalsIgnoreCase(
                org.nd4j.linalg.factory.Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend"));
    }

    private static boolean enabled(String property) {
        return Boolean.parseBoolean(System.getProperty(property, "true"));
    }
}
