package org.lstm4j.core;

import java.util.Arrays;
import org.lstm4j.api.WindowedData;

/** One window of inputs ending at a given row, without targets: the input of a forecast beyond the data. */
final class LatestWindow implements WindowedData {
    private final float[][] scaled;
    private final int[] inputs;
    private final int window;
    private final int horizon;
    private final int lastRow;

    LatestWindow(float[][] scaled, int[] inputs, int window, int horizon, int lastRow) {
        this.scaled = scaled;
        this.inputs = inputs;
        this.window = window;
        this.horizon = horizon;
        this.lastRow = lastRow;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public int window() {
        return window;
    }

    @Override
    public int features() {
        return inputs.length;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public void copyInputs(int sample, float[] destination, int offset) {
        int first = lastRow - window + 1;
        for (int t = 0; t < window; t++) {
            for (int f = 0; f < inputs.length; f++) {
                destination[offset + t * inputs.length + f] = scaled[inputs[f]][first + t];
            }
        }
    }

    /** There is nothing to compare with: zeros. */
    @Override
    public void copyTargets(int sample, float[] destination, int offset) {
        Arrays.fill(destination, offset, offset + horizon, 0f);
    }
}
