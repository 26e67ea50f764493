package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lstm4j.api.SplitSpec;

class WindowedDatasetTest {
    private static final int[] ONLY_COLUMN = {0};

    private static float[][] zeroToNine() {
        float[] values = new float[10];
        for (int i = 0; i < 10; i++) {
            values[i] = i;
        }
        return new float[][] {values};
    }

    private static float[] inputs(WindowedDataset data, int sample) {
        float[] out = new float[data.window() * data.features()];
        data.copyInputs(sample, out, 0);
        return out;
    }

    private static float[] targets(WindowedDataset data, int sample) {
        float[] out = new float[data.horizon()];
        data.copyTargets(sample, out, 0);
        return out;
    }

    @Test
    void samplesOfALaterPartLookBackButNeverAhead() {
        // window 3, horizon 2, stride 2, part [5, 10): starts 2, 4 (start 6 would need row 10)
        WindowedDataset data = WindowedDataset.over(zeroToNine(), ONLY_COLUMN, 0, 3, 2, 2,
                new ChronologicalSplit.Part(5, 10));

        assertThat(data.size()).isEqualTo(2);
        assertThat(inputs(data, 0)).containsExactly(2, 3, 4);
        assertThat(targets(data, 0)).containsExactly(5, 6);
        assertThat(inputs(data, 1)).containsExactly(4, 5, 6);
        assertThat(targets(data, 1)).containsExactly(7, 8);
        assertThat(data.firstTargetRow(0)).isEqualTo(5);
        assertThat(data.lastInputRow(0)).isEqualTo(4);
        assertThat(data.firstTargetRow(1)).isEqualTo(7);
        assertThat(data.lastInputRow(1)).isEqualTo(6);
        assertThatThrownBy(() -> data.copyInputs(2, new float[3], 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theFirstPartStartsAtRowZero() {
        WindowedDataset data = WindowedDataset.over(zeroToNine(), ONLY_COLUMN, 0, 3, 2, 2,
                new ChronologicalSplit.Part(0, 5));

        assertThat(data.size()).isEqualTo(1);
        assertThat(inputs(data, 0)).containsExactly(0, 1, 2);
        assertThat(targets(data, 0)).containsExactly(3, 4);
    }

    @Test
    void inputsAreTimeMajorInInputColumnOrderAtTheOffset() {
        float[] a = new float[10];
        float[] b = new float[10];
        for (int i = 0; i < 10; i++) {
            a[i] = i;
            b[i] = 100 + i;
        }
        WindowedDataset data = WindowedDataset.over(new float[][] {a, b}, new int[] {1, 0}, 0, 2, 1, 1,
                new ChronologicalSplit.Part(8, 10));

        assertThat(data.size()).isEqualTo(2);
        assertThat(data.features()).isEqualTo(2);
        float[] destination = {-1, -1, -1, -1, -1, -1};
        data.copyInputs(1, destination, 2);
        assertThat(destination).containsExactly(-1, -1, 107, 7, 108, 8);
        float[] target = {-1, -1};
        data.copyTargets(0, target, 1);
        assertThat(target).containsExactly(-1, 8);
    }

    @Test
    void readsTheSeriesInsteadOfCopyingIt() {
        float[][] series = zeroToNine();
        WindowedDataset data = WindowedDataset.over(series, ONLY_COLUMN, 0, 3, 2, 2, new ChronologicalSplit.Part(5, 10));

        series[0][3] = 42;
        series[0][6] = -7;

        assertThat(inputs(data, 0)).containsExactly(2, 42, 4);
        assertThat(targets(data, 0)).containsExactly(5, -7);
    }

    @Test
    void aPartTooShortForOneSampleIsEmpty() {
        WindowedDataset tooShort = WindowedDataset.over(zeroToNine(), ONLY_COLUMN, 0, 3, 3, 1,
                new ChronologicalSplit.Part(8, 10));
        WindowedDataset empty = WindowedDataset.over(zeroToNine(), ONLY_COLUMN, 0, 3, 1, 1,
                new ChronologicalSplit.Part(4, 4));
        WindowedDataset shortSeries = WindowedDataset.over(zeroToNine(), ONLY_COLUMN, 0, 8, 3, 1,
                new ChronologicalSplit.Part(0, 10));

        assertThat(tooShort.size()).isZero();
        assertThat(empty.size()).isZero();
        assertThat(shortSeries.size()).isZero();
    }

    @Test
    void withHorizonOneAndStrideOneEachLaterPartHasOneSamplePerRow() {
        ChronologicalSplit split = ChronologicalSplit.of(629, new SplitSpec(0.8, 0.1, 0.1));
        float[][] series = {new float[629]};

        assertThat(WindowedDataset.over(series, ONLY_COLUMN, 0, 10, 1, 1, split.train()).size()).isEqualTo(493);
        assertThat(WindowedDataset.over(series, ONLY_COLUMN, 0, 10, 1, 1, split.validation()).size()).isEqualTo(62);
        assertThat(WindowedDataset.over(series, ONLY_COLUMN, 0, 10, 1, 1, split.test()).size()).isEqualTo(64);
    }

    @Test
    void parametersThatDoNotFitTheSeriesAreRefused() {
        float[][] series = zeroToNine();
        ChronologicalSplit.Part part = new ChronologicalSplit.Part(0, 10);

        assertThatThrownBy(() -> WindowedDataset.over(series, ONLY_COLUMN, 0, 0, 1, 1, part))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WindowedDataset.over(series, new int[] {1}, 0, 2, 1, 1, part))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> WindowedDataset.over(series, ONLY_COLUMN, 0, 2, 1, 1, new ChronologicalSplit.Part(0, 11)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
