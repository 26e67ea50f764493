package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.ModelSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.Training;
import org.lstm4j.dl4j.SineWindows;
import org.lstm4j.dl4j.TestSpecs;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** BatchNorm normalises with the batch's statistics in training and with its running statistics in inference. */
class BatchNormTest {
    private final SineWindows data = SineWindows.noisy(90, 8, 1, 1, 0.1, 2);
    private final SampleShape shape = SampleShape.of(data);
    private final ModelSpec model = TestSpecs.withBatchNorm(TestSpecs.model().withHiddenSize(6), true);

    @Test
    void inferenceOutputOfAWindowDoesNotDependOnTheOtherWindowsInTheBatch() {
        Training trained = new Dl4jTrainer(shape, model, TestSpecs.training(3), 1).fit(data, null, null);
        ComputationGraph net = ((Dl4jTrainedModel) trained.model()).network();
        INDArray x = new Batches(data).inputs(null, 0, 20);
        INDArray window = x.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all(), NDArrayIndex.all()).dup();
        INDArray others = Nd4j.rand(DataType.FLOAT, 19, 1, 8).muli(5);
        INDArray mixed = Nd4j.concat(0, window, others);

        INDArray alone = net.outputSingle(false, window);
        INDArray inBatch = net.outputSingle(false, x).getRow(0);
        INDArray amongStrangers = net.outputSingle(false, mixed).getRow(0);
        assertThat(inBatch.sub(alone.getRow(0)).amaxNumber().doubleValue()).isLessThan(1e-6);
        assertThat(amongStrangers.sub(alone.getRow(0)).amaxNumber().doubleValue()).isLessThan(1e-6);
        // in training mode the batch's statistics are used: the same window's output moves with its batch mates
        INDArray trainingInBatch = net.outputSingle(true, x).getRow(0);
        INDArray trainingAmongStrangers = net.outputSingle(true, mixed).getRow(0);
        assertThat(trainingInBatch.sub(trainingAmongStrangers).amaxNumber().doubleValue()).isGreaterThan(1e-3);
        // the trained model predicts in inference mode
        assertThat(trained.model().predict(data.range(0, 1))[0][0]).isEqualTo(alone.getDouble(0, 0));
    }

    @Test
    void trainingUpdatesTheRunningStatisticsAndTheyAreNotCountedAsParameters() {
        ComputationGraph initial = NetworkFactory.build(shape, model, TestSpecs.training(1), 1);
        Training trained = new Dl4jTrainer(shape, model, TestSpecs.training(2), 1).fit(data, null, null);
        ComputationGraph net = ((Dl4jTrainedModel) trained.model()).network();
        String mean = NetworkFactory.BATCH_NORM + "_mean";
        assertThat(initial.getParam(mean).amaxNumber().doubleValue()).isZero();
        assertThat(net.getParam(mean).amaxNumber().doubleValue()).isGreaterThan(1e-3);
        // PyTorch counts gamma and beta, not the running mean and variance (buffers)
        long lstmAndHead = 4L * (1 + 6 + 1) * 6 + 6 + 1;
        assertThat(trained.model().parameterCount()).isEqualTo(lstmAndHead + 2 * 6);
        assertThat(net.numParams()).isEqualTo(lstmAndHead + 4 * 6);
    }
}
