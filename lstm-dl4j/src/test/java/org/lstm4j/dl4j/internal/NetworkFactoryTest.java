package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.ModelSpec.Architecture;
import org.lstm4j.api.ModelSpec.BidirectionalMerge;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainingSpec.LossType;
import org.lstm4j.dl4j.TestSpecs;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

class NetworkFactoryTest {
    private final SampleShape shape = new SampleShape(7, 3, 2);

    @Test
    void stackedTanhLstmsLastTimeStepAndALinearHead() {
        ComputationGraphConfiguration conf = NetworkFactory.configuration(shape,
                TestSpecs.model().withNumLayers(3).withHiddenSize(6), TestSpecs.training(1), 1);
        for (int i = 0; i < 3; i++) {
            LSTM lstm = (LSTM) layer(conf, "lstm" + i);
            assertThat(lstm.getActivationFn()).isInstanceOf(ActivationTanH.class);
            assertThat(lstm.getGateActivationFn()).isInstanceOf(ActivationSigmoid.class);
            assertThat(lstm.getForgetGateBiasInit()).isEqualTo(1.0);
            assertThat(lstm.getNOut()).isEqualTo(6);
            assertThat(lstm.getRnnDataFormat()).isEqualTo(RNNFormat.NCW);
            assertThat(lstm.getNIn()).isEqualTo(i == 0 ? 3 : 6);
            assertThat(lstm.getIDropout()).isNull();
        }
        assertThat(conf.getVertexInputs().get(NetworkFactory.FEATURES)).containsExactly("lstm2");
        assertThat(conf.getVertexInputs().get(NetworkFactory.HEAD)).containsExactly(NetworkFactory.FEATURES);
        OutputLayer head = (OutputLayer) layer(conf, NetworkFactory.HEAD);
        assertThat(head.getActivationFn()).isInstanceOf(ActivationIdentity.class);
        assertThat(head.getNOut()).isEqualTo(2);
        assertThat(head.getNIn()).isEqualTo(6);
        assertThat(head.getLossFn()).isInstanceOf(LossMSE.class);
        assertThat(conf.getDataType()).isEqualTo(DataType.FLOAT);
    }

    /** PyTorch's nn.LSTM(dropout=p): dropped on the input of layers 2..N, with DL4J's retain probability 1 - p. */
    @Test
    void dropoutSitsBetweenStackedLayersOnly() {
        ComputationGraphConfiguration conf = NetworkFactory.configuration(shape,
                TestSpecs.model().withNumLayers(3).withDropout(0.25), TestSpecs.training(1), 1);
        assertThat(conf.getVertexInputs().get("lstm0")).containsExactly(NetworkFactory.INPUT);
        for (int i = 1; i < 3; i++) {
            assertThat(conf.getVertexInputs().get("lstm" + i)).containsExactly("dropout" + i);
            assertThat(conf.getVertexInputs().get("dropout" + i)).containsExactly("lstm" + (i - 1));
            DropoutLayer dropout = (DropoutLayer) layer(conf, "dropout" + i);
            assertThat(((Dropout) dropout.getIDropout()).getP()).isEqualTo(0.75);
        }
        assertThat(conf.getVertices()).doesNotContainKey("dropout0").doesNotContainKey("dropout3");
        // one layer: nothing to drop between (PyTorch only warns)
        assertThat(NetworkFactory.configuration(shape, TestSpecs.model().withDropout(0.5), TestSpecs.training(1), 1)
                .getVertices().keySet()).noneMatch(name -> name.startsWith("dropout"));
    }

    @Test
    void batchNormSitsBetweenTheFeaturesAndTheHead() {
        ModelSpec model = TestSpecs.model();
        ModelSpec withBatchNorm = model.withDropout(0.0).withBatchNorm(true);
        ComputationGraphConfiguration conf = NetworkFactory.configuration(shape, withBatchNorm, TestSpecs.training(1), 1);
        assertThat(conf.getVertexInputs().get(NetworkFactory.BATCH_NORM)).containsExactly(NetworkFactory.FEATURES);
        assertThat(conf.getVertexInputs().get(NetworkFactory.HEAD)).containsExactly(NetworkFactory.BATCH_NORM);
        BatchNormalization batchNorm = (BatchNormalization) layer(conf, NetworkFactory.BATCH_NORM);
        assertThat(batchNorm.getDecay()).isEqualTo(0.9); // PyTorch momentum 0.1
        assertThat(batchNorm.getEps()).isEqualTo(1e-5);
        assertThat(batchNorm.getNOut()).isEqualTo(16);
    }

    @Test
    void bidirectionalFeatureWidthFollowsTheMerge() {
        ModelSpec bilstm = TestSpecs.model().withArchitecture(Architecture.BILSTM).withNumLayers(2).withHiddenSize(5);
        assertThat(headInputs(bilstm)).isEqualTo(10);
        assertThat(headInputs(TestSpecs.withMerge(bilstm, BidirectionalMerge.SUM))).isEqualTo(5);
        assertThat(headInputs(TestSpecs.withMerge(bilstm, BidirectionalMerge.AVERAGE))).isEqualTo(5);
        // the upper layer reads both directions of the lower one, concatenated, whatever the merge
        ComputationGraphConfiguration conf = NetworkFactory.configuration(shape,
                TestSpecs.withMerge(bilstm, BidirectionalMerge.SUM), TestSpecs.training(1), 1);
        assertThat(((LSTM) layer(conf, "fwd1")).getNIn()).isEqualTo(10);
        assertThat(((LSTM) layer(conf, "bwd1")).getNIn()).isEqualTo(10);
    }

    @Test
    void attentionPoolsTheTopLayer() {
        ModelSpec attention = TestSpecs.withAttentionSize(TestSpecs.model().withArchitecture(Architecture.ATTENTION), 9);
        ComputationGraphConfiguration conf = NetworkFactory.configuration(shape, attention, TestSpecs.training(1), 1);
        assertThat(conf.getVertexInputs().get(NetworkFactory.ATTENTION)).containsExactly("lstm0");
        AttentionPooling pooling = (AttentionPooling) layer(conf, NetworkFactory.ATTENTION);
        assertThat(pooling.getNIn()).isEqualTo(16);
        assertThat(pooling.getAttentionSize()).isEqualTo(9);
        assertThat(pooling.getTimeSteps()).isEqualTo(7);
        assertThat(((OutputLayer) layer(conf, NetworkFactory.HEAD)).getNIn()).isEqualTo(16);
        assertThat(NetworkFactory.featuresVertex(attention)).isEqualTo(NetworkFactory.ATTENTION);
    }

    @Test
    void precisionSetsTheDataType() {
        assertThat(NetworkFactory.build(shape, TestSpecs.model(), TestSpecs.withPrecision(TestSpecs.training(1),
                org.lstm4j.api.TrainingSpec.Precision.FLOAT64), 1).params().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(NetworkFactory.build(shape, TestSpecs.model(), TestSpecs.withPrecision(TestSpecs.training(1),
                org.lstm4j.api.TrainingSpec.Precision.FLOAT16), 1).params().dataType()).isEqualTo(DataType.HALF);
    }

    @Test
    void mapsTheLoss() {
        assertThat(Losses.of(LossType.MSE)).isInstanceOf(LossMSE.class);
        assertThat(Losses.of(LossType.MAE)).isInstanceOf(LossMAE.class);
        assertThat(Losses.of(LossType.HUBER)).isEqualTo(new HuberLoss(1.0));
    }

    @Test
    void acceptsNcwInputAndIsSeeded() {
        ComputationGraph a = NetworkFactory.build(shape, TestSpecs.model(), TestSpecs.training(1), 5);
        ComputationGraph b = NetworkFactory.build(shape, TestSpecs.model(), TestSpecs.training(1), 5);
        ComputationGraph c = NetworkFactory.build(shape, TestSpecs.model(), TestSpecs.training(1), 6);
        assertThat(a.params()).isEqualTo(b.params());
        assertThat(a.params()).isNotEqualTo(c.params());
        var x = Nd4j.rand(DataType.FLOAT, 4, 3, 7);
        assertThat(a.outputSingle(false, x).shape()).containsExactly(4, 2);
    }

    @Test
    void configurationSurvivesJsonForEveryArchitecture() {
        for (Architecture architecture : Architecture.values()) {
            ComputationGraphConfiguration conf = NetworkFactory.configuration(shape,
                    TestSpecs.model().withArchitecture(architecture).withNumLayers(2).withDropout(0.1),
                    TestSpecs.training(1), 1);
            assertThat(ComputationGraphConfiguration.fromJson(conf.toJson())).as("%s", architecture).isEqualTo(conf);
        }
    }

    private int headInputs(ModelSpec model) {
        return (int) ((OutputLayer) layer(NetworkFactory.configuration(shape, model, TestSpecs.training(1), 1),
                NetworkFactory.HEAD)).getNIn();
    }

    private static Layer layer(ComputationGraphConfiguration conf, String name) {
        return ((LayerVertex) conf.getVertices().get(name)).getLayerConf().getLayer();
    }
}
