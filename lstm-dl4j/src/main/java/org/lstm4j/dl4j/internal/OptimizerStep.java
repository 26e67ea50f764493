package org.lstm4j.dl4j.internal;

import java.util.function.IntFunction;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.samediff.AbstractSameDiffLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.lstm4j.api.GradientClippingSpec;
import org.lstm4j.api.TrainingSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One optimizer step over one or more micro-batches: DL4J's {@code fit(DataSet)} loop done by hand, because DL4J has
 * neither gradient accumulation nor a global-norm clip.
 *
 * <ol>
 *   <li>For each micro-batch: forward and backward pass ({@code computeGradientAndScore}); DL4J leaves the gradient
 *       summed over the micro-batch's samples. The sums are added up.</li>
 *   <li>The sum is divided by the number of samples of all micro-batches: the gradient of the mean loss over their
 *       union, so N micro-batches of B samples give the step of one batch of N x B samples (exactly, up to float
 *       rounding, without BatchNorm; BatchNorm's batch statistics are per micro-batch). BatchNorm's running-statistic
 *       updates are averaged over the micro-batches, weighted by size.</li>
 *   <li>{@link GradientClipping} on the mean gradient, as PyTorch clips {@code .grad}.</li>
 *   <li>DL4J's updater: l2 (added to the gradient), the optimizer, decoupled weight decay; then
 *       {@code params -= update} and the iteration count advances, as in DL4J's {@code StochasticGradientDescent}.</li>
 * </ol>
 * Not thread-safe; one instance per training run.
 */
final class OptimizerStep {
    private final ComputationGraph net;
    private final GradientClippingSpec clipping;
    private final boolean regularised;
    private final GradientViews views;
    private final INDArray gradient;
    private boolean printsOnFirstBackward;
    private INDArray sum;

    OptimizerStep(ComputationGraph net, TrainingSpec training) {
        this.net = net;
        this.clipping = training.gradientClipping();
        this.regularised = training.l2() > 0 || training.weightDecay() > 0;
        if (net.getFlattenedGradients() == null) {
            net.initGradientsView(); // DL4J allocates it on the first backward pass otherwise
        }
        this.gradient = net.getFlattenedGradients();
        this.views = GradientViews.of(net);
        for (Layer layer : net.getLayers()) {
            printsOnFirstBackward |= layer.conf().getLayer() instanceof AbstractSameDiffLayer;
        }
    }

    /**
     * Applies one step computed on {@code count} micro-batches, copied one at a time.
     *
     * @param count      number of micro-batches
     * @param total      samples in all of them together
     * @param microBatch the {@code i}-th micro-batch, {@code 0 <= i < count}
     * @return the mean loss per sample over all micro-batches, measured with the weights the step started from and
     *         without the l2 / weight-decay term (DL4J's score includes it; PyTorch's loss does not)
     */
    double apply(int count, int total, IntFunction<DataSet> microBatch) {
        double penalty = regularised ? net.calcRegularizationScore(true) : 0;
        boolean accumulating = count > 1;
        double lossSum = 0;
        for (int i = 0; i < count; i++) {
            DataSet batch = microBatch.apply(i);
            backward(batch);
            lossSum += (net.score() - penalty) * batch.numExamples();
            if (accumulating) {
                double share = (double) batch.numExamples() / total;
                for (INDArray update : views.runningStatistics()) {
                    update.muli(share);
                }
                if (i == 0) {
                    sum = sum == null ? gradient.dup() : sum.assign(gradient);
                } else {
                    sum.addi(gradient);
                }
            }
        }
        if (accumulating) {
            gradient.assign(sum);
        }
        for (INDArray g : views.parameters()) {
            g.divi(total);
        }
        GradientClipping.apply(clipping, views.parameters());
        // batch size 1: the gradient is already the mean; the updater would divide by it again.
        net.getUpdater().update(net.gradient(), net.getIterationCount(), net.getEpochCount(), 1,
                LayerWorkspaceMgr.noWorkspaces());
        INDArray params = net.params();
        params.subi(gradient.reshape(params.shape()));
        net.getConfiguration().setIterationCount(net.getIterationCount() + 1);
        net.clearLayersStates();
        return lossSum / total;
    }

    private void backward(DataSet batch) {
        net.setInputs(batch.getFeatures());
        net.setLabels(batch.getLabels());
        if (printsOnFirstBackward) {
            printsOnFirstBackward = false;
            SameDiffChatter.suppress(net::computeGradientAndScore);
        } else {
            net.computeGradientAndScore();
        }
    }
}
