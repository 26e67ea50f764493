package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lstm4j.dl4j.TestSpecs.optimizer;

import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.OptimizerSpec.OptimizerType;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.dl4j.SineWindows;
import org.lstm4j.dl4j.TestSpecs;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** Optimizer mapping, and one-step checks on a real two-layer network. */
class OptimizersTest {
    private final SineWindows data = SineWindows.of(60, 6, 2, 2, 1.0);
    private final SampleShape shape = SampleShape.of(data);
    private final ModelSpec model = TestSpecs.model().withNumLayers(2).withHiddenSize(5);
    private final DataSet batch = new Batches(data).dataSet(null, 0, 16);

    @Test
    void mapsEachOptimizer() {
        OptimizerSpec spec = new OptimizerSpec(OptimizerType.ADAM, 0.003, 0.8, 0.99, 1e-6, 0.5);
        assertThat(Optimizers.updater(spec)).isEqualTo(new Adam(0.003, 0.8, 0.99, 1e-6));
        assertThat(Optimizers.updater(spec.withType(OptimizerType.ADAMW))).isEqualTo(new Adam(0.003, 0.8, 0.99, 1e-6));
        assertThat(Optimizers.updater(spec.withType(OptimizerType.RMSPROP))).isEqualTo(new RmsProp(0.003, 0.99, 1e-6));
        assertThat(Optimizers.updater(spec.withType(OptimizerType.SGD))).isEqualTo(new SgdMomentum(0.003, 0.5));
        assertThat(Optimizers.updater(optimizer(OptimizerType.SGD, 0.003, 0.0))).isEqualTo(new Sgd(0.003));
    }

    /** A changed learning rate reaches every layer, the LSTM inside LastTimeStep too. */
    @Test
    void setLearningRateReachesEveryLayerIncludingTheWrappedLstm() {
        TrainingSpec at01 = TestSpecs.training(1).withOptimizer(optimizer(OptimizerType.SGD, 0.1, 0.0));
        TrainingSpec at005 = TestSpecs.training(1).withOptimizer(optimizer(OptimizerType.SGD, 0.05, 0.0));

        MultiLayerNetwork changed = NetworkFactory.build(shape, model, at01, 11);
        MultiLayerNetwork unchanged = NetworkFactory.build(shape, model, at01, 11);
        MultiLayerNetwork reference = NetworkFactory.build(shape, model, at005, 11);
        new RunControl(changed, 0.1).setLearningRate(0.05);
        assertThat(changed.params()).isEqualTo(reference.params());

        changed.fit(batch);
        unchanged.fit(batch);
        reference.fit(batch);
        for (String param : reference.paramTable().keySet()) {
            assertThat(changed.getParam(param)).as(param).isEqualTo(reference.getParam(param));
            assertThat(unchanged.getParam(param)).as(param).isNotEqualTo(reference.getParam(param));
        }
    }

    @Test
    void setLearningRateKeepsTheAdamState() {
        MultiLayerNetwork net = NetworkFactory.build(shape, model, TestSpecs.training(1), 11);
        net.fit(batch);
        INDArray state = net.getUpdater().getStateViewArray().dup();
        int iterations = net.getIterationCount();
        new RunControl(net, 0.01).setLearningRate(0.001);
        assertThat(net.getUpdater().getStateViewArray()).isEqualTo(state);
        assertThat(net.getIterationCount()).isEqualTo(iterations);
    }

    /** AdamW: the decay is decoupled (Adam's moments never see it) and applied once: w -= lr * c * w, weights only. */
    @Test
    void adamwDecaysWeightsOnceAndDecoupled() {
        double lr = 0.01;
        double decay = 0.5;
        TrainingSpec adamw = TestSpecs.training(1).withOptimizer(optimizer(OptimizerType.ADAMW, lr, 0.9));
        MultiLayerNetwork plain = NetworkFactory.build(shape, model, adamw, 11);
        MultiLayerNetwork decayed = NetworkFactory.build(shape, model, TestSpecs.withWeightDecay(adamw, decay), 11);
        assertDifferenceIsDecay(plain, decayed, lr * decay);
        assertThat(decayed.getUpdater().getStateViewArray()).isEqualTo(plain.getUpdater().getStateViewArray());
    }

    /** l2: coupled, added to the gradient once (SGD step: w -= lr * (g + c * w)), weights only. */
    @Test
    void l2IsAddedToTheGradientOnce() {
        double lr = 0.1;
        double l2 = 0.3;
        TrainingSpec sgd = TestSpecs.training(1).withOptimizer(optimizer(OptimizerType.SGD, lr, 0.0));
        MultiLayerNetwork plain = NetworkFactory.build(shape, model, sgd, 11);
        MultiLayerNetwork penalised = NetworkFactory.build(shape, model, sgd.withL2(l2), 11);
        assertDifferenceIsDecay(plain, penalised, lr * l2);
    }

    private void assertDifferenceIsDecay(MultiLayerNetwork plain, MultiLayerNetwork decayed, double factor) {
        Map<String, INDArray> before = copy(plain.paramTable());
        plain.fit(batch);
        decayed.fit(batch);
        for (Map.Entry<String, INDArray> e : before.entrySet()) {
            INDArray difference = decayed.getParam(e.getKey()).sub(plain.getParam(e.getKey()));
            boolean bias = e.getKey().endsWith("_b");
            INDArray expected = bias ? e.getValue().mul(0) : e.getValue().mul(-factor);
            double error = difference.sub(expected).amaxNumber().doubleValue();
            assertThat(error).as("%s: max |(decayed - plain) - expected|", e.getKey()).isLessThan(2e-6);
            if (!bias) {
                assertThat(difference.amaxNumber().doubleValue()).as(e.getKey()).isGreaterThan(1e-4);
            }
        }
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> table) {
        Map<String, INDArray> out = new java.util.LinkedHashMap<>();
        table.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }
}
