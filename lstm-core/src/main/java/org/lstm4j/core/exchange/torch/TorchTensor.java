package org.lstm4j.core.exchange.torch;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One tensor of a state_dict, copied out of its storage into row-major (C) order, whatever its strides were.
 *
 * @param dtype  the storage type it came from, PyTorch's name ({@code FloatStorage})
 * @param shape  its size per dimension, outermost first
 * @param values {@code shape[0] * shape[1] * ...} values, last index fastest
 */
public record TorchTensor(String dtype, int[] shape, double[] values) {

    /** Checks that the values fill the shape. */
    public TorchTensor {
        shape = shape.clone();
        long count = 1;
        for (int size : shape) {
            count *= size;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("a tensor of shape " + shapeText(shape) + " needs " + count + " values, got " + values.length);
        }
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The size of dimension {@code dimension}. */
    public int size(int dimension) {
        return shape[dimension];
    }

    /** Whether this tensor has exactly {@code expected} as its shape. */
    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The shape as PyTorch prints it without the brackets' name: {@code [32, 8]}. */
    public String shapeText() {
        return shapeText(shape);
    }

    /** {@code [a, b, ...]}. */
    public static String shapeText(int... shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
