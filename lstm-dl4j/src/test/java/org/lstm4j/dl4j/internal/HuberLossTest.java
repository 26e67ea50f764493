package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.buffer.util.DataTypeUtil;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

class HuberLossTest {
    private final HuberLoss huber = new HuberLoss();
    private final ActivationIdentity identity = new ActivationIdentity();

    // d = prediction - target: row 0 (0.5, -2, 1) -> 0.125, 1.5, 0.5 (|d| = delta: both branches give 0.5);
    //                          row 1 (0, -1.5, 0.25) -> 0, 1.0, 0.03125
    private final INDArray labels = Nd4j.createFromArray(new double[][] {{0, 0, 0}, {1, 2, 3}});
    private final INDArray predictions = Nd4j.createFromArray(new double[][] {{0.5, -2, 1}, {1, 0.5, 3.25}});

    @Test
    void scoreIsTheMeanOverEveryElementAsPyTorch() {
        // torch.nn.HuberLoss()(pred, target) = (0.125 + 1.5 + 0.5 + 0 + 1.0 + 0.03125) / 6
        assertThat(huber.computeScore(labels, predictions, identity, null, true)).isCloseTo(3.15625 / 6, within(1e-12));
        assertThat(huber.computeScore(labels, predictions, identity, null, false)).isCloseTo(3.15625 / 3, within(1e-12));
        INDArray perSample = huber.computeScoreArray(labels, predictions, identity, null);
        assertThat(perSample.shape()).containsExactly(2, 1);
        assertThat(perSample.getDouble(0, 0)).isCloseTo(2.125 / 3, within(1e-12));
        assertThat(perSample.getDouble(1, 0)).isCloseTo(1.03125 / 3, within(1e-12));
    }

    @Test
    void gradientIsTheClampedErrorOverTheOutputs() {
        INDArray gradient = huber.computeGradient(labels, predictions, identity, null);
        double[][] expected = {{0.5 / 3, -1.0 / 3, 1.0 / 3}, {0, -1.0 / 3, 0.25 / 3}};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(gradient.getDouble(i, j)).as("[%d][%d]", i, j).isCloseTo(expected[i][j], within(1e-12));
            }
        }
        // inputs untouched
        assertThat(predictions.getDouble(0, 1)).isEqualTo(-2.0);
    }

    @Test
    void perSampleMaskDropsSamples() {
        INDArray mask = Nd4j.createFromArray(new double[][] {{1}, {0}});
        assertThat(huber.computeScore(labels, predictions, identity, mask, false)).isCloseTo(2.125 / 3, within(1e-12));
        assertThat(huber.computeGradient(labels, predictions, identity, mask).getRow(1).sumNumber().doubleValue()).isZero();
    }

    @Test
    void passesDl4jGradientCheckInANetwork() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE).seed(3).updater(new NoOp()).weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder().lossFunction(new HuberLoss()).activation(Activation.IDENTITY).nIn(5).nOut(3).build())
                .build();
        DataType previous = Nd4j.dataType();
        DataTypeUtil.setDTypeForContext(DataType.DOUBLE); // GradientCheckUtil insists; restored below
        try {
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            Nd4j.getRandom().setSeed(5);
            INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 4).muli(4).subi(2);
            INDArray y = Nd4j.rand(DataType.DOUBLE, 6, 3).muli(6).subi(3); // errors on both sides of delta
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                    .net(net).input(x).labels(y).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
            assertThat(ok).isTrue();
        } finally {
            DataTypeUtil.setDTypeForContext(previous);
        }
    }

    @Test
    void survivesConfigurationJson() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new OutputLayer.Builder().lossFunction(new HuberLoss(2.0)).activation(Activation.IDENTITY).nIn(2).nOut(1).build())
                .build();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertThat(((OutputLayer) back.getConf(0).getLayer()).getLossFn()).isEqualTo(new HuberLoss(2.0));
    }
}
