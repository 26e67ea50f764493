package org.lstm4j.dl4j.internal;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseTransformSameOp;

/**
 * {@code z = x * y} element-wise, as libnd4j's legacy pairwise {@code Multiply} kernel (legacy op number 3, the number
 * {@code Axpy}'s 10 belongs to in the same table). ND4J M2.1's {@code INDArray.muli(other, result)} runs the "custom"
 * {@code multiply} op instead, whose call costs 14-17 µs against 2 µs here (measured on 1 x 4 arrays; 23 against 5 µs
 * on 619 x 50). Same shapes only, no broadcasting.
 */
final class PairwiseMultiply extends BaseTransformSameOp {
    /** For ND4J's reflective op registry. */
    public PairwiseMultiply() {
    }

    PairwiseMultiply(INDArray x, INDArray y, INDArray z) {
        super(x, y, z);
    }

    @Override
    public int opNum() {
        return 3;
    }

    @Override
    public String opName() {
        return "lstm4j_pairwise_multiply";
    }

    @Override
    public String onnxName() {
        throw new UnsupportedOperationException("no ONNX equivalent: " + opName());
    }

    @Override
    public String tensorflowName() {
        throw new UnsupportedOperationException("no TensorFlow equivalent: " + opName());
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        throw new UnsupportedOperationException("not differentiable in SameDiff: " + opName());
    }
}
