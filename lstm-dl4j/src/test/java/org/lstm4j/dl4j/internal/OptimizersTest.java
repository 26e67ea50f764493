package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lstm4j.dl4j.TestSpecs.optimizer;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.OptimizerSpec;
import org.lstm4j.api.OptimizerSpec.OptimizerType;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainingSpec;
import org.lstm4j.api.TrainingSpec.Precision;
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

    /** A changed learning rate reaches every layer of every architecture, the attention layer too. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ModelSpec.Architecture.class)
    void setLearningRateReachesEveryLayer(ModelSpec.Architecture architecture) {
        ModelSpec m = TestSpecs.withBatchNorm(model.withArchitecture(architecture), true);
        TrainingSpec at01 = TestSpecs.training(1).withOptimizer(optimizer(OptimizerType.SGD, 0.1, 0.0));
        TrainingSpec at005 = TestSpecs.training(1).withOptimizer(optimizer(OptimizerType.SGD, 0.05, 0.0));

        ComputationGraph changed = NetworkFactory.build(shape, m, at01, 11);
        ComputationGraph unchanged = NetworkFactory.build(shape, m, at01, 11);
        ComputationGraph reference = NetworkFactory.build(shape, m, at005, 11);
        new RunControl(changed, 0.1).setLearningRate(0.05);
        assertThat(changed.params()).isEqualTo(reference.params());

        step(changed, at01);
        step(unchanged, at01);
        step(reference, at005);
        for (String param : reference.paramTable().keySet()) {
            // exact comparisons: INDArray.equals allows 1e-5, more than some of these steps
            double[] expected = reference.getParam(param).dup().data().asDouble();
            assertThat(changed.getParam(param).dup().data().asDouble()).as(param).isEqualTo(expected);
            // attention's c has a zero gradient; BatchNorm's running statistics do not depend on the learning rate
            if (!param.endsWith("_c") && !param.endsWith("_mean") && !param.endsWith("_log10stdev")) {
                assertThat(unchanged.getParam(param).dup().data().asDouble()).as(param).isNotEqualTo(expected);
            }
        }
    }

    @Test
    void setLearningRateKeepsTheAdamState() {
        ComputationGraph net = NetworkFactory.build(shape, model, TestSpecs.training(1), 11);
        step(net, TestSpecs.training(1));
        INDArray state = net.getUpdater().getStateViewArray().dup();
        int iterations = net.getIterationCount();
        new RunControl(net, 0.01).setLearningRate(0.001);
        assertThat(net.getUpdater().getStateViewArray()).isEqualTo(state);
        assertThat(net.getIterationCount()).isEqualTo(iterations);
    }

    /**
     * weight_decay, with every optimizer and architecture: decoupled (the optimizer's state never sees it) and applied
     * once, {@code w -= lr * c * w} on weight matrices only. With adam it is AdamW.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(OptimizerType.class)
    void weightDecayIsDecoupledAndAppliedOnceWithEveryOptimizer(OptimizerType type) {
        double lr = 0.01;
        double decay = 0.5;
        TrainingSpec spec = TestSpecs.training(1).withOptimizer(optimizer(type, lr, 0.9));
        for (ModelSpec.Architecture architecture : ModelSpec.Architecture.values()) {
            ModelSpec m = TestSpecs.withBatchNorm(model.withArchitecture(architecture), true);
            ComputationGraph plain = NetworkFactory.build(shape, m, spec, 11);
            ComputationGraph decayed = NetworkFactory.build(shape, m, TestSpecs.withWeightDecay(spec, decay), 11);
            assertDifferenceIsDecay(plain, decayed, spec, lr * decay);
            if (plain.getUpdater().getStateViewArray() != null) {
                assertThat(decayed.getUpdater().getStateViewArray().dup().data().asDouble())
                        .isEqualTo(plain.getUpdater().getStateViewArray().dup().data().asDouble());
            }
        }
    }

    /** float16: Adam's and RMSProp's epsilon is raised to 1e-4 (1e-8 rounds to 0 in half and the first step NaNs). */
    @Test
    void float16RaisesTheEpsilon() {
        OptimizerSpec spec = new OptimizerSpec(OptimizerType.ADAM, 0.003, 0.8, 0.99, 1e-8, 0.5);
        assertThat(Optimizers.updater(spec, Precision.FLOAT16)).isEqualTo(new Adam(0.003, 0.8, 0.99, 1e-4));
        assertThat(Optimizers.updater(spec.withType(OptimizerType.RMSPROP), Precision.FLOAT16))
                .isEqualTo(new RmsProp(0.003, 0.99, 1e-4));
        assertThat(Optimizers.updater(spec, Precision.FLOAT64)).isEqualTo(new Adam(0.003, 0.8, 0.99, 1e-8));
        OptimizerSpec large = new OptimizerSpec(OptimizerType.ADAM, 0.003, 0.8, 0.99, 1e-3, 0.5);
        assertThat(Optimizers.updater(large, Precision.FLOAT16)).isEqualTo(new Adam(0.003, 0.8, 0.99, 1e-3));
    }

    /** l2: coupled, added to the gradient once (SGD step: w -= lr * (g + c * w)), weights only. */
    @Test
    void l2IsAddedToTheGradientOnce() {
        double lr = 0.1;
        double l2 = 0.3;
        TrainingSpec sgd = TestSpecs.training(1).withOptimizer(optimizer(OptimizerType.SGD, lr, 0.0));
        for (ModelSpec.Architecture architecture : ModelSpec.Architecture.values()) {
            ModelSpec m = TestSpecs.withBatchNorm(model.withArchitecture(architecture), true);
            ComputationGraph plain = NetworkFactory.build(shape, m, sgd, 11);
            ComputationGraph penalised = NetworkFactory.build(shape, m, sgd.withL2(l2), 11);
            assertDifferenceIsDecay(plain, penalised, sgd, lr * l2);
        }
    }

    private void assertDifferenceIsDecay(ComputationGraph plain, ComputationGraph decayed, TrainingSpec spec, double factor) {
        Map<String, INDArray> before = copy(plain.paramTable());
        step(plain, spec);
        step(decayed, spec);
        for (Map.Entry<String, INDArray> e : before.entrySet()) {
            INDArray difference = decayed.getParam(e.getKey()).sub(plain.getParam(e.getKey()));
            // biases (LSTM and head b, attention b and c) and BatchNorm's parameters are not decayed
            boolean bias = e.getKey().endsWith("_b") || e.getKey().endsWith("_c")
                    || e.getKey().startsWith(NetworkFactory.BATCH_NORM + "_");
            INDArray expected = bias ? e.getValue().mul(0) : e.getValue().mul(-factor);
            double error = difference.sub(expected).amaxNumber().doubleValue();
            assertThat(error).as("%s: max |(decayed - plain) - expected|", e.getKey()).isLessThan(2e-6);
            if (!bias) {
                assertThat(difference.amaxNumber().doubleValue()).as(e.getKey()).isGreaterThan(1e-4);
            }
        }
    }

    /** One optimizer step on {@code batch}, as the trainer takes it. */
    private void step(ComputationGraph net, TrainingSpec spec) {
        new OptimizerStep(net, spec).apply(1, batch.numExamples(), i -> batch);
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> table) {
        Map<String, INDArray> out = new java.util.LinkedHashMap<>();
        table.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }
}
