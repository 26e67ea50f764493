package org.lstm4j.dl4j.internal;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 'f'-order matrix views: contiguous ones declared with element-wise stride 1, and the strided row ranges of the
 * time-major layout ({@link #rows}). ND4J's own views of the same memory
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

    /**
     * Rows {@code [from, to)} of a contiguous 'f'-order matrix: an 'f'-order view with strides
     * {@code (1, matrix rows)} (BLAS's leading dimension), contiguous only when it is the whole matrix. Element-wise
     * ND4J operations on it take ND4J's strided loops; matrix products read and write it in place (libnd4j's
     * {@code MmulHelper::mmulMxM} passes the stride as the leading dimension), and {@link GateSteps} copies it column
     * by column.
     */
    static INDArray rows(INDArray matrix, long from, long to) {
        long ld = matrix.size(0);
        long columns = matrix.size(1);
        if (from == 0 && to == ld) {
            return view(matrix, 0, ld, columns);
        }
        return Nd4j.create(matrix.data(), new long[] {to - from, columns}, new long[] {1, ld}, matrix.offset() + from,
                'f');
    }

    /**
     * An 'f'-order {@code [batch, steps, units]} array's elements as the contiguous 'f'-order matrix
     * {@code [batch x steps, units]} (row {@code b + batch x t} is window {@code b} at step {@code t}).
     */
    static INDArray flat(INDArray timeMajor) {
        return view(timeMajor, 0, timeMajor.size(0) * timeMajor.size(1), timeMajor.size(2));
    }

    /**
     * The time-major matrix {@code [batch x steps, units]} (contiguous, 'f' order) whose elements a time-major
     * sequence holds: {@code sequence} is {@code [batch, units, steps]} with strides {@code (1, batch x steps, batch)}
     * ({@link LstmWorkArrays#isTimeMajorSequence}), the permuted view of an 'f'-order {@code [batch, steps, units]}
     * array.
     */
    static INDArray timeMajorMatrix(INDArray sequence) {
        long rows = sequence.size(0) * sequence.size(2);
        return Nd4j.create(sequence.data(), new long[] {rows, sequence.size(1)}, new long[] {1, rows},
                sequence.offset(), 1, 'f');
    }

    private static INDArray view(INDArray base, long offset, long rows, long columns) {
        return Nd4j.create(base.data(), new long[] {rows, columns}, new long[] {1, rows}, base.offset() + offset, 1,
                'f');
    }
}
