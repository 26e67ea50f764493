package org.lstm4j.dl4j.internal;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.learning.GradientUpdater;

/** The state and step of {@link SgdMomentum}: one momentum buffer per parameter, starting at zero. */
final class SgdMomentumUpdater implements GradientUpdater<SgdMomentum> {
    static final String STATE = "M";

    private final SgdMomentum config;
    private INDArray buffer;

    SgdMomentumUpdater(SgdMomentum config) {
        this.config = config;
    }

    @Override
    public SgdMomentum getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        if (stateMap == null || stateMap.size() != 1 || !stateMap.containsKey(STATE)) {
            throw new IllegalStateException("state map should contain only key [" + STATE + "], has "
                    + (stateMap == null ? null : stateMap.keySet()));
        }
        buffer = stateMap.get(STATE);
        if (initialize) {
            buffer.assign(0);
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        return Map.of(STATE, buffer);
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        if (!viewArray.isRowVectorOrScalar()) {
            throw new IllegalArgumentException("expected a row vector as updater state, got shape "
                    + java.util.Arrays.toString(viewArray.shape()));
        }
        if (initialize) {
            viewArray.assign(0);
        }
        // A view with the gradient's shape: writing it writes the network's updater state array.
        buffer = Shape.newShapeNoCopy(viewArray, gradientShape, gradientOrder == 'f');
        if (buffer == null) {
            throw new IllegalStateException("could not reshape the updater state view without copying");
        }
    }

    /** Turns {@code gradient} in place into the update DL4J subtracts from the parameters: {@code lr * buf}. */
    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (buffer == null) {
            throw new IllegalStateException("updater state not initialised");
        }
        double lr = config.getLearningRate(iteration, epoch);
        buffer.muli(config.getMomentum()).addi(gradient);
        gradient.assign(buffer).muli(lr);
    }
}
