package org.lstm4j.dl4j.internal;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.transforms.same.OneMinus;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.same.TimesOneMinus;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The LSTM's arithmetic (DL4J's {@code LSTM} without peepholes: sigmoid gates, tanh block input and cell output),
 * forward and backward, on {@link LstmWorkArrays}. The backward pass takes the activations' derivatives from the
 * stored activations ({@code s(1-s)}, {@code 1-t^2}), so it computes no exponential at all. DL4J's own implementation
 * runs several times as many operations on strided views and repeats the forward pass inside the backward one.
 *
 * <p>The matrix products run in one of two layouts ({@link FastPaths#TIME_MAJOR}):
 * <ul>
 *   <li>time-major ({@link #forwardTimeMajor}, {@link #backwardTimeMajor}; the default for training, see
 *       {@link LstmWorkArrays}): only the two products
 *       that depend on the previous step run per step, {@code z_t += h_{t-1} RW} forward and
 *       {@code dh_{t-1} += dz_t RW^T} backward. The other four are one product per layer over all steps on the
 *       time-major matrices ('f' order {@code [batch x steps, units]}, row {@code b + batch x t} window {@code b} at
 *       step {@code t}): {@code Z = X W} before the loop, {@code dX = dZ W^T}, {@code dW = X^T dZ} and
 *       {@code dRW = H[steps 0..T-2]^T dZ[steps 1..T-1]} after it (contiguous row ranges). A step is then a strided
 *       view ({@link FMatrix#rows}, leading dimension {@code batch x steps}), which libnd4j's
 *       {@code MmulHelper::mmulMxM} hands to BLAS as it is (measured: the same time as on a contiguous matrix); the
 *       bias and its gradient go through {@link GateSteps} (added while a step is copied in, summed as the steps
 *       go), or with ND4J's element-wise operations a product with a column of ones each. The per-step products of
 *       the other layout are thin ({@code K} = 8 features, or {@code K} = batch for the weight gradients): 24-78
 *       GFLOP/s against about 90 for one product over all steps;</li>
 *   <li>per step ({@link #forward}, {@link #backward}): two products per forward step, four per backward step, on
 *       contiguous step matrices; inference always runs this way.</li>
 * </ul>
 * Both compute the same function; they agree to float64 rounding (4e-16 to 9e-16 of the largest gradient) and within
 * 1.3e-6 in float32 ({@code TimeMajorTest}).
 *
 * <p>The element-wise work of a step runs in one of two ways ({@link FastPaths#FUSED_GATES}):
 * <ul>
 *   <li>{@link GateSteps} (the default, float32 and float64): the step's pre-activations, or {@code dh}, are
 *       bulk-copied into Java arrays, computed there in a few small loops that the JIT compiler vectorises (float32
 *       activations from {@link FastTanh}'s rational tanh, 0.5 ns per element against 2.6-4.4 ns for ND4J's
 *       {@code expf} sigmoid), and {@code h}, or {@code dz}, copied back for the matrix products; the gates and cell
 *       states stay in Java arrays between the passes. One copy in and one out per step instead of a dozen ND4J
 *       calls (2-3 µs each in call overhead);</li>
 *   <li>ND4J operations on contiguous arrays (the methods {@code activate} and {@code differentiate}): two sigmoids
 *       per forward step (tanh through the sigmoid, which ND4J runs twice as fast) and a dozen cheap products and
 *       sums, forward and backward. In the time-major layout a step's rows are copied into a contiguous matrix
 *       first and the result copied back ({@code assign}), as ND4J's element-wise operations on strided views take
 *       a generic loop three times slower.</li>
 * </ul>
 * The two agree to float64 rounding in float64 and within 4e-7 per activation in float32 (the outputs of a two-layer
 * network within 2.2e-7; {@code FusedGatesTest}).
 *
 * <p>With pre-activations {@code z = x W + h_prev RW + b} split as {@code [a | f | o | i]}:
 * {@code c = sigmoid(f) * c_prev + sigmoid(i) * tanh(a)}, {@code h = sigmoid(o) * tanh(c)}.
 *
 * <p>Recurrent dropout ({@code model.recurrent_dropout}): with a mask {@code m} ({@code [batch, hidden]}, each value
 * 0 or {@code 1/(1-p)}) the recurrent product reads {@code (h_prev * m) RW} at every step, one mask shared by the four
 * gates (Keras' {@code implementation=2}); the layer's output {@code h} itself is not masked. The backward pass is the
 * chain rule through that product: {@code dh_prev += (dz RW^T) * m} and {@code dRW += (h_prev * m)^T dz}. In the
 * time-major layout the forward pass writes each step's {@code h * m} into a time-major matrix (what the next step's
 * product reads), which {@code dRW}'s one product reads again.
 *
 * <p>Besides the matrix products, only legacy (non-"custom") ND4J operations run in the loops, {@link PairwiseMultiply}
 * for products: a call costs about 2 µs, against about 15 µs for a custom operation.
 */
final class LstmKernel {
    private LstmKernel() {
    }

    /**
     * The per-step layout ({@link FastPaths#TIME_MAJOR} {@code false}): runs the layer over the whole sequence from
     * zero state; the hidden states end in
     * {@link LstmWorkArrays#hiddenStates}, and with training arrays every step's gates and cell states stay for
     * {@link #backward}.
     *
     * @param input     the input's steps, {@link LstmWorkArrays#inputSteps}
     * @param weights   input weights {@code [features, 4 x hidden]}
     * @param recurrent recurrent weights {@code [hidden, 4 x hidden]}
     * @param bias      {@code [1, 4 x hidden]}
     * @param recurrentMask the recurrent dropout mask {@code [batch, hidden]} ('f' order) applied to {@code h_prev}
     *                  at every step, or null for none
     */
    static void forward(INDArray[] input, INDArray weights, INDArray recurrent, INDArray bias, LstmWorkArrays work,
            INDArray recurrentMask) {
        LstmGates z = work.preActivation;
        if (work.fused != null) {
            work.fused.startForward(null);
        }
        Nd4j.gemm(work.ones, bias.reshape(1, bias.length()), work.biasRows, false, false, 1.0, 0.0);
        for (int t = 0; t < work.steps; t++) {
            z.all.assign(work.biasRows);
            Nd4j.gemm(input[t], weights, z.all, false, false, 1.0, 1.0);
            if (t > 0) {
                Nd4j.gemm(recurrentInput(work, t, recurrentMask), recurrent, z.all, false, false, 1.0, 1.0);
            }
            if (work.fused != null) {
                work.fused.forward(t, z.all, work.hiddenState[t]);
            } else {
                activate(work, t, work.hiddenState[t]);
            }
        }
    }

    /**
     * The per-step layout: backpropagation through time after a training {@link #forward} on the same arrays.
     *
     * @param input             the input's steps the forward pass read
     * @param outputGradient    gradient w.r.t. the layer's output, {@code [batch, hidden, steps]}, any layout
     * @param inputGradient     steps of the 'f'-order {@code [batch, features, steps]} array receiving the gradient
     *                          w.r.t. the input
     * @param weightGradient    receives the gradient of {@code weights} (overwritten), likewise the next two
     * @param recurrentMask     the mask the forward pass applied, or null
     */
    static void backward(INDArray[] input, INDArray weights, INDArray recurrent, LstmWorkArrays work,
            INDArray outputGradient, INDArray[] inputGradient, INDArray weightGradient, INDArray recurrentGradient,
            INDArray biasGradient, INDArray recurrentMask) {
        int last = work.steps - 1;
        work.hiddenGradients.assign(outputGradient);
        INDArray scratch = work.scratch;
        if (work.fused != null) {
            work.fused.startBackward(recurrentMask);
        }
        for (int t = last; t >= 0; t--) {
            LstmGates dz = work.preActivationGradients[t];
            INDArray dh = work.hiddenGradient[t];
            boolean masked = t < last && recurrentMask != null;
            if (t < last && !masked) {
                Nd4j.gemm(work.preActivationGradients[t + 1].all, recurrent, dh, false, true, 1.0, 1.0);
            } else if (masked) {
                Nd4j.gemm(work.preActivationGradients[t + 1].all, recurrent, scratch, false, true, 1.0, 0.0);
            }
            if (work.fused != null) {
                work.fused.backward(t, dh, masked ? scratch : null, dz.all);
            } else {
                if (masked) {
                    dh.addi(mul(scratch, recurrentMask, scratch));
                }
                differentiate(work, t, dz);
            }
            Nd4j.gemm(dz.all, weights, inputGradient[t], false, true, 1.0, 0.0);
            Nd4j.gemm(input[t], dz.all, weightGradient, true, false, 1.0, t == last ? 0.0 : 1.0);
            if (t > 0) {
                Nd4j.gemm(recurrentInput(work, t, recurrentMask), dz.all, recurrentGradient, true, false, 1.0,
                        t == last ? 0.0 : 1.0);
            }
        }
        if (last == 0) {
            recurrentGradient.assign(0);
        }
        // db[j] = sum over windows and steps of dz: column sums of dz seen as 'f' [batch, 4 hidden x steps] (a matrix
        // product with ones), then the sum over steps (another); ND4J's strided sum(0, 2) took 3% of a training step
        long gates = 4 * work.hidden;
        Nd4j.gemm(work.ones, work.preActivationGradientAll.reshape('f', work.batch, gates * work.steps),
                work.gateSums, true, false, 1.0, 0.0);
        Nd4j.gemm(work.gateSums.reshape('f', gates, work.steps), work.stepOnes, biasGradient.reshape(gates, 1),
                false, false, 1.0, 0.0);
    }

    /**
     * {@link #forward} in the time-major layout ({@link LstmWorkArrays#timeMajor}): {@code Z = X W + 1 b} for all
     * steps in one matrix product (and a rank-one one for the bias), then per step only {@code z_t += h_{t-1} RW}
     * and the element-wise step; the hidden states end in {@link LstmWorkArrays#hiddenMatrix}.
     *
     * @param input the input as the time-major matrix {@code X}, {@link LstmWorkArrays#inputMatrix}
     */
    static void forwardTimeMajor(INDArray input, INDArray weights, INDArray recurrent, INDArray bias,
            LstmWorkArrays work, INDArray recurrentMask) {
        INDArray z = work.preActivations;
        if (recurrentMask != null) {
            work.maskedHiddenMatrix(); // h_t * m per step (not the last), for the next step and for dRW
        }
        if (work.fused != null) {
            // the bias is added as each step is copied in: a product over all steps would write Z once more
            // (13 ms of a 300 ms training step of large, measured)
            work.fused.startForward(bias);
            Nd4j.gemm(input, weights, z, false, false, 1.0, 0.0);
        } else {
            Nd4j.gemm(work.rowOnes, bias.reshape(1, bias.length()), z, false, false, 1.0, 0.0);
            Nd4j.gemm(input, weights, z, false, false, 1.0, 1.0);
        }
        for (int t = 0; t < work.steps; t++) {
            INDArray zt = work.preActivationStep[t];
            if (t > 0) {
                INDArray previous = work.hiddenState[t - 1];
                if (recurrentMask != null) {
                    previous = mul(previous, recurrentMask, work.maskedHiddenStep(t - 1));
                }
                gemm(previous, recurrent, zt, false, false, 1.0);
            }
            if (work.fused != null) {
                work.fused.forward(t, zt, work.hiddenState[t]);
            } else {
                work.preActivation.all.assign(zt);
                activate(work, t, work.hiddenStep);
                work.hiddenState[t].assign(work.hiddenStep);
            }
        }
    }

    /**
     * {@link #backward} in the time-major layout after a training {@link #forwardTimeMajor} on the same arrays: per
     * step only {@code dh_{t-1} += dz_t RW^T} (masked under recurrent dropout) and the element-wise step, writing
     * {@code dZ} over {@code Z}; then {@code dX = dZ W^T}, {@code dW = X^T dZ}, {@code dRW = H_prev^T dZ[steps 1..T-1]}
     * and {@code db = 1^T dZ}, one product each.
     *
     * @param input          the time-major {@code X} the forward pass read
     * @param outputGradient the gradient w.r.t. the layer's output, {@code [batch, hidden, steps]}, any layout (a
     *                       plain copy when time-major, {@link LstmWorkArrays#hiddenGradientSteps})
     * @param inputGradient  receives {@code dX}, the gradient w.r.t. the input: a contiguous 'f'-order
     *                       {@code [batch x steps, features]} matrix
     */
    static void backwardTimeMajor(INDArray input, INDArray weights, INDArray recurrent, LstmWorkArrays work,
            INDArray outputGradient, INDArray inputGradient, INDArray weightGradient, INDArray recurrentGradient,
            INDArray biasGradient, INDArray recurrentMask) {
        int last = work.steps - 1;
        INDArray[] hiddenGradient = work.hiddenGradientSteps(outputGradient);
        INDArray scratch = work.scratch;
        if (work.fused != null) {
            work.fused.startBackward(recurrentMask, true);
        }
        for (int t = last; t >= 0; t--) {
            INDArray dz = work.preActivationStep[t];
            INDArray dh = hiddenGradient[t];
            boolean masked = t < last && recurrentMask != null;
            if (t < last) {
                gemm(work.preActivationStep[t + 1], recurrent, masked ? scratch : dh, false, true, masked ? 0.0 : 1.0);
            }
            if (work.fused != null) {
                work.fused.backward(t, dh, masked ? scratch : null, dz);
            } else {
                if (masked) {
                    dh.addi(mul(scratch, recurrentMask, scratch));
                }
                LstmGates contiguous = work.preActivation;
                differentiate(work, t, contiguous);
                dz.assign(contiguous.all);
            }
        }
        INDArray dZ = work.preActivations;
        long gates = 4 * work.hidden;
        Nd4j.gemm(dZ, weights, inputGradient, false, true, 1.0, 0.0);
        Nd4j.gemm(input, dZ, weightGradient, true, false, 1.0, 0.0);
        if (last == 0) {
            recurrentGradient.assign(0);
        } else {
            INDArray states = recurrentMask == null ? work.hiddenMatrix : work.maskedHiddenMatrix();
            INDArray previous = FMatrix.rows(states, 0, work.rows - work.batch);
            INDArray next = FMatrix.rows(dZ, work.batch, work.rows);
            gemm(previous, next, recurrentGradient, true, false, 0.0);
        }
        if (work.fused != null) {
            // summed by the steps as they went: column sums of dZ would read it once more (8 ms of 300, measured)
            work.fused.finishBackward(biasGradient.reshape(1, gates));
        } else {
            Nd4j.gemm(work.rowOnes, dZ, biasGradient.reshape(1, gates), true, false, 1.0, 0.0);
        }
    }

    /**
     * {@code c = a b + beta c} (either transposed) through ND4J's matrix product, whose libnd4j helper passes
     * strides {@code (1, ld)} on to BLAS as leading dimensions: for the time-major step views, which
     * {@code Nd4j.gemm} refuses as its output (it asks for an element-wise stride of 1).
     */
    private static void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double beta) {
        Nd4j.exec(new Mmul(a, b, c, 1.0, beta,
                MMulTranspose.builder().transposeA(transposeA).transposeB(transposeB).build()));
    }

    /** The ND4J element-wise part of forward step {@code t}: gates, cell state and {@code h} from {@code z}. */
    private static void activate(LstmWorkArrays work, int t, INDArray hiddenState) {
        LstmGates z = work.preActivation;
        LstmGates g = work.gates[t];
        // one sigmoid over all four gates: tanh(a) = 2 sigmoid(2a) - 1
        z.blockInput.muli(2);
        exec(new Sigmoid(z.all, g.all));
        g.blockInput.muli(2).subi(1);
        INDArray cell = work.cell[t];
        mul(g.input, g.blockInput, cell);
        if (t > 0) {
            cell.addi(mul(g.forget, work.cell[t - 1], work.scratch));
        }
        tanh(cell, work.cellTanh[t]);
        mul(g.output, work.cellTanh[t], hiddenState);
    }

    /**
     * The ND4J element-wise part of backward step {@code t}: {@code dz} from {@code dh} (complete) and the carried
     * {@code dc}, which it updates.
     */
    private static void differentiate(LstmWorkArrays work, int t, LstmGates dz) {
        int last = work.steps - 1;
        LstmGates g = work.gates[t];
        INDArray dh = work.hiddenGradient[t];
        INDArray cellTanh = work.cellTanh[t];
        INDArray dc = work.cellGradient;
        INDArray scratch = work.scratch;
        INDArray scratch2 = work.scratch2;
        LstmGates derivative = work.derivatives;
        mul(dh, cellTanh, dz.output);
        // dc += dh * o * (1 - tanh(c)^2)
        mul(dh, g.output, scratch);
        mul(scratch, oneMinusSquare(cellTanh, scratch2), scratch);
        if (t == last) {
            dc.assign(scratch);
        } else {
            dc.addi(scratch);
        }
        mul(dc, g.input, dz.blockInput);
        mul(dc, g.blockInput, dz.input);
        if (t > 0) {
            mul(dc, work.cell[t - 1], dz.forget);
        } else {
            dz.forget.assign(0);
        }
        mul(dc, g.forget, dc);
        exec(new TimesOneMinus(g.sigmoidGates, derivative.sigmoidGates));
        oneMinusSquare(g.blockInput, derivative.blockInput);
        mul(dz.all, derivative.all, dz.all);
    }

    /**
     * What step {@code t > 0} multiplies by the recurrent weights: {@code h_{t-1}}, or {@code h_{t-1} * mask} in
     * {@link LstmWorkArrays#scratch} (free at both places this is called).
     */
    private static INDArray recurrentInput(LstmWorkArrays work, int t, INDArray recurrentMask) {
        return recurrentMask == null ? work.hiddenState[t - 1] : mul(work.hiddenState[t - 1], recurrentMask, work.scratch);
    }

    /**
     * {@code out = tanh(in)} computed as {@code 2 sigmoid(2 in) - 1}: ND4J's tanh kernel goes through {@code powf}
     * and costs twice its sigmoid (5.1 against 2.6 ns per element, measured); the identity is exact up to rounding
     * (an absolute error of one unit in the last place of 1).
     */
    private static void tanh(INDArray in, INDArray out) {
        in.mul(2, out);
        exec(new Sigmoid(out, out));
        out.muli(2).subi(1);
    }

    /** {@code out = 1 - in^2}, tanh's derivative from tanh's value; returns {@code out}. */
    private static INDArray oneMinusSquare(INDArray in, INDArray out) {
        exec(new Square(in, out));
        exec(new OneMinus(out, out));
        return out;
    }

    /** {@code z = x * y} element-wise; returns {@code z}. */
    private static INDArray mul(INDArray x, INDArray y, INDArray z) {
        exec(new PairwiseMultiply(x, y, z));
        return z;
    }

    private static void exec(Op op) {
        Nd4j.getExecutioner().exec(op);
    }
}
