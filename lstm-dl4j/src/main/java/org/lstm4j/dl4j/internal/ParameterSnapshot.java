package org.lstm4j.dl4j.internal;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A native copy of parameters, kept to tell with one ND4J comparison whether they changed since: for copies of the
 * weights in another layout ({@link FusedLstmInference}, {@link SmallBatchLstm}) that must follow a network that may
 * still be training. A NaN parameter never compares equal, so such parameters always count as changed.
 */
final class ParameterSnapshot implements AutoCloseable {
    private INDArray copy;
    private volatile boolean frozen;

    /**
     * Whether {@code current} differs from the last {@link #take} (always true before the first). Once
     * {@link #freeze frozen}, false after the first take without comparing: the comparison costs about 120 µs for
     * the seed-size network's 30,651 parameters, more than half of a one-window prediction.
     */
    boolean changed(INDArray current) {
        if (frozen && copy != null) {
            return false;
        }
        return copy == null || !current.equalsWithEps(copy, 0.0);
    }

    /** Promises that the parameters will not change any more (a network restored from a bundle, which nothing trains). */
    void freeze() {
        frozen = true;
    }

    /** Remembers {@code current} as the parameters the copies were made from. */
    void take(INDArray current) {
        if (copy != null && copy.length() == current.length()) {
            copy.assign(current);
            return;
        }
        close();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            copy = current.dup();
        }
    }

    /** Frees the copy; {@link #changed} is true again afterwards. */
    @Override
    public void close() {
        if (copy != null) {
            copy.close();
            copy = null;
        }
    }
}
