package org.lstm4j.dl4j.internal;

import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.TrainingSpec.Precision;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Maps {@link OptimizerSpec} to ND4J updaters.
 *
 * <table>
 *   <caption>Optimizers against PyTorch</caption>
 *   <tr><th>spec</th><th>ND4J</th><th>difference from PyTorch</th></tr>
 *   <tr><td>adam</td><td>{@code Adam(lr, beta1, beta2, epsilon)}</td>
 *       <td>ND4J folds the bias corrections into the step size and adds epsilon to the uncorrected
 *       {@code sqrt(v)} (the TensorFlow "epsilon hat" form), i.e. PyTorch's epsilon times
 *       {@code 1/sqrt(1 - beta2^t)}; with epsilon 1e-8 this matters only for gradients of epsilon's order.</td></tr>
 *   <tr><td>adamw</td><td>the same Adam. {@code training.weight_decay} adds a per-layer decoupled
 *       {@code weightDecay(c, applyLr=true)} (set in {@link Layers}): {@code w -= lr * c * w} next to the step, as
 *       {@code torch.optim.AdamW}; it does so for every optimizer, so {@code adamw} and {@code adam} are the same
 *       optimizer here. ND4J M2.1 has no AdamW updater.</td>
 *       <td>decay applies to weight matrices, not to biases or BatchNorm's gamma/beta (PyTorch decays every
 *       parameter by default).</td></tr>
 *   <tr><td>sgd, momentum 0</td><td>{@code Sgd(lr)}</td><td>none.</td></tr>
 *   <tr><td>sgd, momentum &gt; 0</td><td>{@link SgdMomentum}: classic (heavy-ball) momentum
 *       {@code buf = m * buf + g; w -= lr * buf}, dampening 0, Nesterov off</td>
 *       <td>none. ND4J's only momentum updater, {@code Nesterovs}, is Nesterov momentum (its first step
 *       is already {@code (1 + m) * lr * g}), so a small updater does PyTorch's form.</td></tr>
 *   <tr><td>rmsprop</td><td>{@code RmsProp(lr, rmsDecay = beta2, epsilon)}:
 *       {@code s = d * s + (1 - d) * g^2; w -= lr * g / (sqrt(s) + eps)}</td>
 *       <td>PyTorch's {@code alpha} is {@code beta2} here, as documented on {@link OptimizerSpec}; note that
 *       the spec's default beta2 0.999 is not PyTorch's alpha default 0.99. ND4J starts {@code s} at epsilon,
 *       PyTorch at 0 (negligible). No momentum, not centered.</td></tr>
 * </table>
 *
 * <p>In float16 the epsilon of Adam and RMSProp is raised to at least {@value Precisions#HALF_MIN_EPSILON}
 * (see {@link Precisions}).
 */
final class Optimizers {
    private Optimizers() {
    }

    /** A fresh updater for one layer, in float32 or float64. */
    static IUpdater updater(OptimizerSpec spec) {
        return updater(spec, Precision.FLOAT32);
    }

    /** A fresh updater for one layer of a network in {@code precision}. */
    static IUpdater updater(OptimizerSpec spec, Precision precision) {
        double lr = spec.learningRate();
        double epsilon = Precisions.optimizerEpsilon(spec.epsilon(), precision);
        return switch (spec.type()) {
            case ADAM, ADAMW -> new Adam(lr, spec.beta1(), spec.beta2(), epsilon);
            case SGD -> spec.momentum() == 0 ? new Sgd(lr) : new SgdMomentum(lr, spec.momentum());
            case RMSPROP -> new RmsProp(lr, spec.beta2(), epsilon);
        };
    }
}
