package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

class SgdMomentumTest {

    /** torch.optim.SGD(lr=0.1, momentum=0.9) on gradients 1, 2, -1: buf 1, 2.9, 1.61; steps 0.1 x buf. */
    @Test
    void matchesPyTorchClassicMomentum() {
        double[] steps = steps(new SgdMomentum(0.1, 0.9), 1, 2, -1);
        assertThat(steps[0]).isCloseTo(0.1, within(1e-12));
        assertThat(steps[1]).isCloseTo(0.29, within(1e-12));
        assertThat(steps[2]).isCloseTo(0.161, within(1e-12));
        // ND4J's Nesterovs is not this: its first step is already (1 + momentum) * lr * g
        assertThat(steps(new Nesterovs(0.1, 0.9), 1, 2, -1)[0]).isCloseTo(0.19, within(1e-12));
    }

    @Test
    void aNewLearningRateScalesTheBufferFromTheNextStep() {
        SgdMomentum config = new SgdMomentum(0.1, 0.9);
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, 1);
        GradientUpdater<?> updater = config.instantiate(state, true);
        step(updater, 1);
        config.setLrAndSchedule(0.01, null);
        assertThat(step(updater, 2)).isCloseTo(0.029, within(1e-12)); // PyTorch: lr * buf, buf = 2.9
        assertThat(state.getDouble(0)).isCloseTo(2.9, within(1e-12));  // the state lives in the view array
    }

    @Test
    void valueSemantics() {
        SgdMomentum a = new SgdMomentum(0.1, 0.9);
        assertThat(a.clone()).isEqualTo(a).isNotSameAs(a).hasSameHashCodeAs(a);
        assertThat(a).isNotEqualTo(new SgdMomentum(0.1, 0.8)).isNotEqualTo(new SgdMomentum(0.2, 0.9));
        assertThat(a.stateSize(7)).isEqualTo(7);
        assertThat(a.getLearningRate(5, 1)).isEqualTo(0.1);
    }

    @Test
    void survivesConfigurationJson() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().updater(new SgdMomentum(0.05, 0.8)).list()
                .layer(new OutputLayer.Builder().lossFunction(new org.nd4j.linalg.lossfunctions.impl.LossMSE())
                        .activation(Activation.IDENTITY).nIn(2).nOut(1).build())
                .build();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertThat(((BaseLayer) back.getConf(0).getLayer()).getIUpdater()).isEqualTo(new SgdMomentum(0.05, 0.8));
    }

    private static double[] steps(org.nd4j.linalg.learning.config.IUpdater config, double... gradients) {
        GradientUpdater<?> updater = config.instantiate(Nd4j.zeros(DataType.DOUBLE, 1, config.stateSize(1)), true);
        double[] out = new double[gradients.length];
        for (int i = 0; i < gradients.length; i++) {
            out[i] = step(updater, gradients[i], i);
        }
        return out;
    }

    private static double step(GradientUpdater<?> updater, double gradient) {
        return step(updater, gradient, 0);
    }

    private static double step(GradientUpdater<?> updater, double gradient, int iteration) {
        INDArray g = Nd4j.createFromArray(new double[] {gradient}).reshape(1, 1);
        updater.applyUpdater(g, iteration, 0);
        return g.getDouble(0);
    }
}
