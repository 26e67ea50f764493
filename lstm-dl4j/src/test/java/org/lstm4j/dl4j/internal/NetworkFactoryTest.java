package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainingSpec.LossType;
import org.lstm4j.dl4j.TestSpecs;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

class NetworkFactoryTest {
    private final SampleShape shape = new SampleShape(7, 3, 2);

    @Test
    void stackedTanhLstmsLastTimeStepAndALinearHead() {
        MultiLayerConfiguration conf = NetworkFactory.configuration(shape, TestSpecs.model().withNumLayers(3).withHiddenSize(6),
                TestSpecs.training(1), 1);
        assertThat(conf.getConfs()).hasSize(4);
        for (int i = 0; i < 3; i++) {
            var layer = conf.getConf(i).getLayer();
            LSTM lstm = (LSTM) (i == 2 ? ((LastTimeStep) layer).getUnderlying() : layer);
            assertThat(lstm.getActivationFn()).isInstanceOf(ActivationTanH.class);
            assertThat(lstm.getGateActivationFn()).isInstanceOf(ActivationSigmoid.class);
            assertThat(lstm.getNOut()).isEqualTo(6);
            assertThat(lstm.getRnnDataFormat()).isEqualTo(RNNFormat.NWC);
            assertThat(lstm.getNIn()).isEqualTo(i == 0 ? 3 : 6);
        }
        assertThat(conf.getConf(0).getLayer()).isInstanceOf(LSTM.class);
        OutputLayer head = (OutputLayer) conf.getConf(3).getLayer();
        assertThat(head.getActivationFn()).isInstanceOf(ActivationIdentity.class);
        assertThat(head.getNOut()).isEqualTo(2);
        assertThat(head.getLossFn()).isInstanceOf(LossMSE.class);
        assertThat(conf.getDataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void mapsTheLoss() {
        assertThat(Losses.of(LossType.MSE)).isInstanceOf(LossMSE.class);
        assertThat(Losses.of(LossType.MAE)).isInstanceOf(LossMAE.class);
        assertThat(Losses.of(LossType.HUBER)).isEqualTo(new HuberLoss(1.0));
    }

    @Test
    void acceptsBatchFirstInputAndIsSeeded() {
        MultiLayerNetwork a = NetworkFactory.build(shape, TestSpecs.model(), TestSpecs.training(1), 5);
        MultiLayerNetwork b = NetworkFactory.build(shape, TestSpecs.model(), TestSpecs.training(1), 5);
        MultiLayerNetwork c = NetworkFactory.build(shape, TestSpecs.model(), TestSpecs.training(1), 6);
        assertThat(a.params()).isEqualTo(b.params());
        assertThat(a.params()).isNotEqualTo(c.params());
        var x = org.nd4j.linalg.factory.Nd4j.rand(DataType.FLOAT, 4, 7, 3);
        assertThat(a.output(x, false).shape()).containsExactly(4, 2);
    }
}
