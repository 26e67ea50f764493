package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lstm4j.dl4j.SineWindows;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class BatchesTest {
    private final SineWindows data = SineWindows.of(40, 5, 3, 2, 1.0);

    @Test
    void inputsAreNcwAndFollowTheOrder() {
        Batches batches = new Batches(data);
        int[] order = {7, 2, 9, 0};
        INDArray x = batches.inputs(order, 1, 4);
        INDArray y = batches.targets(order, 1, 4);
        assertThat(x.shape()).containsExactly(3, 2, 5); // [batch, features, window]
        assertThat(x.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(y.shape()).containsExactly(3, 3);
        float[] window = new float[10];
        float[] targets = new float[3];
        for (int i = 0; i < 3; i++) {
            data.copyInputs(order[1 + i], window, 0);
            data.copyTargets(order[1 + i], targets, 0);
            for (int t = 0; t < 5; t++) {
                for (int f = 0; f < 2; f++) {
                    assertThat(x.getFloat(i, f, t)).isEqualTo(window[t * 2 + f]);
                }
            }
            for (int h = 0; h < 3; h++) {
                assertThat(y.getFloat(i, h)).isEqualTo(targets[h]);
            }
        }
    }

    @Test
    void reusedBuffersDoNotAlterEarlierBatches() {
        Batches batches = new Batches(data);
        INDArray first = batches.inputs(null, 0, 4);
        INDArray copy = first.dup();
        batches.inputs(null, 4, 8);
        batches.inputs(null, 8, 10); // a shorter batch
        INDArray again = batches.inputs(null, 0, 4);
        assertThat(first).isEqualTo(copy).isEqualTo(again);
        assertThat(batches.inputs(null, 8, 10).shape()).containsExactly(2, 2, 5);
    }

    @Test
    void castsToTheNetworksDataType() {
        Batches batches = new Batches(data, DataType.DOUBLE);
        DataSet batch = batches.dataSet(null, 0, 3);
        assertThat(batch.getFeatures().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(batch.getLabels().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(batch.getFeatures()).isEqualTo(new Batches(data).inputs(null, 0, 3).castTo(DataType.DOUBLE));
        assertThat(new Batches(data, DataType.HALF).targets(null, 0, 3).dataType()).isEqualTo(DataType.HALF);
    }
}
