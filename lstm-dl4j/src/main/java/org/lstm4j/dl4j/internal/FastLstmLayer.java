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
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's LSTM layer with its forward and backward passes done by {@link LstmKernel}, for the case lstm4j builds:
 * NCW input without a mask, sigmoid gates, tanh activation, no dropout or weight noise on the layer, float32 or
 * float64. Anything else (and DL4J's stateful {@code rnnTimeStep} and truncated BPTT) goes to DL4J's implementation.
 *
 * <p>A training forward pass keeps its intermediate arrays; the backward pass that follows for the same input
 * reuses them instead of recomputing the forward pass as DL4J does. Inference on small batches goes to
 * {@link FusedLstmInference}, one native call per layer.
 */
final class FastLstmLayer extends LSTM {
    /** The arrays of the last forward pass: one of the next two. */
    private LstmWorkArrays work;
    /** Kept apart so that validation between training steps does not reallocate the training arrays. */
    private LstmWorkArrays trainingWork;
    private LstmWorkArrays inferenceWork;
    private FusedLstmInference fused;
    private boolean parametersFrozen;
    private INDArray[] inputSteps;
    private INDArray forwardInput;

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
            return super.activate(training, workspaceMgr);
        }
        long batch = input.size(0);
        long hidden = layerConf().getNOut();
        if (!training && FastPaths.fusedInference() && FusedLstmInference.suits(batch, hidden)) {
            return fusedInference(workspaceMgr);
        }
        forward(training);
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, work.dataType,
                new long[] {work.batch, work.hidden, work.steps}, 'f');
        return output.assign(work.hiddenStates);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!fastPathApplies()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        if (forwardInput != input || !work.training) {
            forward(true);
        }
        forwardInput = null;
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, work.dataType,
                new long[] {work.batch, work.features, work.steps}, 'f');
        INDArray[] inputGradientSteps = LstmWorkArrays.steps(inputGradient);
        INDArray weightGradient = gradientViews.get(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        INDArray recurrentGradient = gradientViews.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray biasGradient = gradientViews.get(LSTMParamInitializer.BIAS_KEY);
        LstmKernel.backward(inputSteps, getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY),
                getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY), work, epsilon, inputGradientSteps,
                weightGradient, recurrentGradient, biasGradient);
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

    private void forward(boolean training) {
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
        inputSteps = work.inputSteps(input);
        LstmKernel.forward(inputSteps, getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY),
                getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY), getParam(LSTMParamInitializer.BIAS_KEY), work);
        forwardInput = training ? input : null;
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
        forwardInput = null;
    }
}
