package org.lstm4j.dl4j.internal;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Contiguous 'f'-order matrix views declared with element-wise stride 1. ND4J's own views of the same memory
 * ({@code tensorAlongDimension}, {@code get(interval)}) often lose that flag, and every element-wise operation on
 * them then takes a generic indexed loop: three times slower for a sigmoid, measured.
 */
final class FMatrix {
    private FMatrix() {
    }

    /**
     * Slot {@code s} of an 'f'-order {@code [rows, columns, slots]} array (with default strides): the contiguous
     * 'f'-order {@code [rows, columns]} matrix at element offset {@code s x rows x columns}.
     */
    static INDArray slot(INDArray array, long s) {
        long rows = array.size(0);
        long columns = array.size(1);
        return view(array, s * rows * columns, rows, columns);
    }

    /** Columns {@code [from, to)} of a contiguous 'f'-order matrix: contiguous themselves. */
    static INDArray columns(INDArray matrix, long from, long to) {
        long rows = matrix.size(0);
        return view(matrix, from * rows, rows, to - from);
    }

    private static INDArray view(INDArray base, long offset, long rows, long columns) {
        return Nd4j.create(base.data(), new long[] {rows, columns}, new long[] {1, rows}, base.offset() + offset, 1,
                'f');
    }
}
