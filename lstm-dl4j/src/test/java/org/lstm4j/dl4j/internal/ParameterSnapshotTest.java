package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The snapshot tells changed parameters apart, until it is frozen. */
class ParameterSnapshotTest {
    @Test
    void seesAChangeUntilFrozen() {
        INDArray params = Nd4j.rand(3, 4);
        try (ParameterSnapshot snapshot = new ParameterSnapshot()) {
            assertThat(snapshot.changed(params)).as("before the first take").isTrue();
            snapshot.take(params);
            assertThat(snapshot.changed(params)).isFalse();
            params.putScalar(1, 2, 7.0);
            assertThat(snapshot.changed(params)).isTrue();
            snapshot.take(params);
            snapshot.freeze();
            params.putScalar(0, 0, -3.0);
            assertThat(snapshot.changed(params)).as("frozen: no comparison").isFalse();
            snapshot.close();
            assertThat(snapshot.changed(params)).as("closed: copied again").isTrue();
        }
    }
}
