package org.lstm4j.dl4j.internal;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's LSTM layer with its forward and backward passes done by {@link LstmKernel}, for the case lstm4j builds:
 * NCW input without a mask, sigmoid gates, tanh activation, no dropout or weight noise on the layer, float32 or
 * float64. Anything else (and DL4J's stateful {@code rnnTimeStep} and truncated BPTT) goes to DL4J's implementation.
 *
 * <p>A training forward pass keeps its intermediate arrays; the backward pass that follows for the same input
 * reuses them instead of recomputing the forward pass as DL4J does. Inference on small batches goes to
 * {@link FusedLstmInference}, one native call per layer.
 *
 * <p>In {@link LstmKernel}'s time-major training layout ({@link FastPaths#TIME_MAJOR}) the layer's output and its
 * input gradient are {@code [batch, units, steps]} views of 'f'-order {@code [batch, steps, units]} arrays in DL4J's
 * workspace (strides {@code (1, batch x steps, batch)}), not arrays with default strides: the output is one plain
 * copy of the hidden states, the input gradient is written in place, and a time-major layer above (or below) takes
 * them without a copy ({@link LstmWorkArrays#inputMatrix}) or with a plain one
 * ({@link LstmWorkArrays#hiddenGradientSteps}), where a transposing {@code assign} would cost 20 ms per LSTM(128)
 * layer of 256 windows x 64 steps (measured). DL4J's vertices and layers read them as any strided array.
 *
 * <p>Recurrent dropout ({@link FastLstm#getRecurrentDropout()} {@code p > 0}): each training forward pass draws one
 * mask over the hidden units per sequence of the batch ({@code [batch, hidden]}, Bernoulli(1 - p) scaled by
 * {@code 1/(1-p)}) from ND4J's random generator ({@code Nd4j.getRandom()}, which the trainer seeds, as DL4J's
 * dropout), and {@link LstmKernel} applies it to {@code h_{t-1}} in the recurrent product at every step. A backward
 * pass that has to recompute its forward pass keeps the mask the forward pass drew. Inference draws nothing. DL4J's
 * implementation has no recurrent dropout: where it would have to run a training pass, the layer throws
 * {@link org.lstm4j.api.UnsupportedFeatureException} for {@code model.recurrent_dropout}
 * ({@link RecurrentDropoutSupport}, which refuses such a run before it starts).
 */
final class FastLstmLayer extends LSTM {
    /** The arrays of the last forward pass: one of the next two. */
    private LstmWorkArrays work;
    /** Kept apart so that validation between training steps does not reallocate the training arrays. */
    private LstmWorkArrays trainingWork;
    private LstmWorkArrays inferenceWork;
    private FusedLstmInference fused;
    private boolean parametersFrozen;
    /** What the last forward pass read: the input's steps (per-step layout) or the time-major input matrix. */
    private INDArray[] inputSteps;
    private INDArray inputMatrix;
    private INDArray forwardInput;
    /** The recurrent dropout mask of the last training forward pass, or null. */
    private INDArray recurrentMask;

    FastLstmLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        super(conf, networkDataType);
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!fastPathApplies()) {
            if (training) {
                refuseRecurrentDropout();
            }
            return super.activate(training, workspaceMgr);
        }
        long batch = input.size(0);
        long hidden = layerConf().getNOut();
        if (!training && FastPaths.fusedInference() && FusedLstmInference.suits(batch, hidden)) {
            return fusedInference(workspaceMgr);
        }
        forward(training, true);
        if (work.timeMajor) {
            // handed on time-major: a plain copy here, and none in a time-major layer above (whose input it is)
            INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, work.dataType,
                    new long[] {work.batch, work.steps, work.hidden}, 'f');
            return output.assign(work.hiddenStates).permute(0, 2, 1);
        }
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, work.dataType,
                new long[] {work.batch, work.hidden, work.steps}, 'f');
        return output.assign(work.hiddenStates);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!fastPathApplies()) {
            refuseRecurrentDropout();
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        if (forwardInput != input || !work.training) {
            forward(true, recurrentMask == null || recurrentMask.size(0) != input.size(0));
        }
        forwardInput = null;
        INDArray weightGradient = gradientViews.get(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        INDArray recurrentGradient = gradientViews.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray biasGradient = gradientViews.get(LSTMParamInitializer.BIAS_KEY);
        INDArray inputGradient;
        if (work.timeMajor) {
            // time-major, like the output: dX is written in place, and a time-major layer below copies it plainly
            INDArray timeMajorGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, work.dataType,
                    new long[] {work.batch, work.steps, work.features}, 'f');
            LstmKernel.backwardTimeMajor(inputMatrix, getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY),
                    getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY), work, epsilon,
                    FMatrix.flat(timeMajorGradient), weightGradient, recurrentGradient, biasGradient,
                    activeMask(true));
            inputGradient = timeMajorGradient.permute(0, 2, 1);
        } else {
            inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, work.dataType,
                    new long[] {work.batch, work.features, work.steps}, 'f');
            LstmKernel.backward(inputSteps, getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY),
                    getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY), work, epsilon,
                    LstmWorkArrays.steps(inputGradient), weightGradient, recurrentGradient, biasGradient,
                    activeMask(true));
        }
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(LSTMParamInitializer.INPUT_WEIGHT_KEY, weightGradient);
        gradient.setGradientFor(LSTMParamInitializer.RECURRENT_WEIGHT_KEY, recurrentGradient);
        gradient.setGradientFor(LSTMParamInitializer.BIAS_KEY, biasGradient);
        return new Pair<>(gradient, inputGradient);
    }

    private INDArray fusedInference(LayerWorkspaceMgr workspaceMgr) {
        long features = input.size(1);
        if (fused == null || !fused.fits(input.dataType(), features)) {
            if (fused != null) {
                fused.close();
            }
            fused = new FusedLstmInference(input.dataType(), features, layerConf().getNOut());
            if (parametersFrozen) {
                fused.freeze();
            }
        }
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(),
                new long[] {input.size(0), layerConf().getNOut(), input.size(2)}, 'c');
        fused.forward(input, params(), getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY),
                getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY), getParam(LSTMParamInitializer.BIAS_KEY), output);
        forwardInput = null;
        return output;
    }

    /**
     * Runs {@link LstmKernel#forward} on the current input; a training pass with recurrent dropout draws a new mask
     * when {@code drawMask}, else reuses the last one.
     */
    private void forward(boolean training, boolean drawMask) {
        long batch = input.size(0);
        long features = input.size(1);
        int steps = (int) input.size(2);
        LstmWorkArrays current = training ? trainingWork : inferenceWork;
        if (current == null || !current.fits(input.dataType(), batch, features, steps, training)) {
            if (current != null) {
                current.close();
            }
            current = new LstmWorkArrays(input.dataType(), batch, features, layerConf().getNOut(), steps, training);
            if (training) {
                trainingWork = current;
            } else {
                inferenceWork = current;
            }
        }
        work = current;
        if (training && drawMask && recurrentDropout() > 0) {
            drawRecurrentMask(batch);
        }
        if (work.timeMajor) {
            inputSteps = null;
            inputMatrix = work.inputMatrix(input);
            LstmKernel.forwardTimeMajor(inputMatrix, getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY),
                    getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY), getParam(LSTMParamInitializer.BIAS_KEY),
                    work, activeMask(training));
        } else {
            inputMatrix = null;
            inputSteps = work.inputSteps(input);
            LstmKernel.forward(inputSteps, getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY),
                    getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY), getParam(LSTMParamInitializer.BIAS_KEY),
                    work, activeMask(training));
        }
        forwardInput = training ? input : null;
    }

    /** One mask per sequence: Bernoulli(1 - p) per hidden unit from ND4J's generator, kept values {@code 1/(1-p)}. */
    private void drawRecurrentMask(long batch) {
        double keep = 1.0 - recurrentDropout();
        if (recurrentMask == null || recurrentMask.size(0) != batch || recurrentMask.dataType() != input.dataType()) {
            if (recurrentMask != null) {
                recurrentMask.close();
            }
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                recurrentMask = Nd4j.create(input.dataType(), new long[] {batch, layerConf().getNOut()}, 'f');
            }
        }
        Nd4j.getExecutioner().exec(new BernoulliDistribution(recurrentMask, keep), Nd4j.getRandom());
        recurrentMask.muli(1.0 / keep);
    }

    /** The mask a pass applies: the drawn one in training with recurrent dropout, else none. */
    private INDArray activeMask(boolean training) {
        return training && recurrentDropout() > 0 ? recurrentMask : null;
    }

    private double recurrentDropout() {
        return layerConf() instanceof FastLstm fast ? fast.getRecurrentDropout() : 0.0;
    }

    /** DL4J's implementation is about to run a training pass, which cannot drop recurrent units. */
    private void refuseRecurrentDropout() {
        if (recurrentDropout() > 0) {
            throw RecurrentDropoutSupport.refusal(recurrentDropout(), !FastPaths.kernel()
                    ? RecurrentDropoutSupport.kernelOffReason()
                    : input == null ? "no input" : "this input (masked, or " + input.dataType() + ")");
        }
    }

    /** The recurrent dropout mask of the last training pass, a copy ({@code [batch, hidden]}), or null (for tests). */
    INDArray lastRecurrentMask() {
        return recurrentMask == null ? null : recurrentMask.dup();
    }

    private boolean fastPathApplies() {
        org.deeplearning4j.nn.conf.layers.LSTM conf = layerConf();
        DataType type = input == null ? null : input.dataType();
        return FastPaths.kernel()
                && input != null && input.rank() == 3 && maskArray == null
                && (type == DataType.FLOAT || type == DataType.DOUBLE)
                && type == getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY).dataType()
                && conf.getRnnDataFormat() == RNNFormat.NCW
                && conf.getGateActivationFn() instanceof ActivationSigmoid
                && conf.getActivationFn() instanceof ActivationTanH
                && conf.getIDropout() == null && conf.getWeightNoise() == null;
    }

    @Override
    public void close() {
        releaseWorkArrays();
        super.close();
    }

    /** Whether the last pass through {@link LstmKernel} ran in the time-major layout (for tests). */
    boolean ranTimeMajor() {
        return work != null && work.timeMajor;
    }

    /** Whether the last pass through {@link LstmKernel} did its element-wise work in {@link GateSteps} (for tests). */
    boolean ranFusedGates() {
        return work != null && work.fused != null;
    }

    /** Whether work arrays are allocated (for tests). */
    boolean hasWorkArrays() {
        return trainingWork != null || inferenceWork != null || fused != null;
    }

    /**
     * Frees this layer's work arrays now rather than when the garbage collector finds them (DL4J's
     * {@code ComputationGraph.close()} does not close its layers). The layer stays usable: it allocates them again.
     */
    /** Promises that this layer's parameters will not change any more: fused inference stops checking them. */
    void freezeParameters() {
        parametersFrozen = true;
        if (fused != null) {
            fused.freeze();
        }
    }

    void releaseWorkArrays() {
        for (LstmWorkArrays arrays : new LstmWorkArrays[] {trainingWork, inferenceWork}) {
            if (arrays != null) {
                arrays.close();
            }
        }
        work = null;
        trainingWork = null;
        inferenceWork = null;
        if (fused != null) {
            fused.close();
            fused = null;
        }
        inputSteps = null;
        inputMatrix = null;
        forwardInput = null;
        if (recurrentMask != null) {
            recurrentMask.close();
            recurrentMask = null;
        }
    }
}
