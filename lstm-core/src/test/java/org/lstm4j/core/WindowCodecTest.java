package org.lstm4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.ScalerSpec;
import org.lstm4j.api.SourceSpec;
import org.junit.jupiter.api.Test;
import org.lstm4j.data.FittedScaler;
import org.lstm4j.data.Series;

/** The codec against {@link PreparedData}, the path {@code lstm predict} takes: same scaled inputs, same levels back. */
class WindowCodecTest {
    static final FittedScaler X = new FittedScaler(ScalerSpec.ScalerType.MINMAX, 2.0, 4.0, 0.0);
    static final FittedScaler Y = new FittedScaler(ScalerSpec.ScalerType.STANDARD, 10.0, 3.0, 0.0);

    static LoadedModel model(DataSpec.Transform transform, List<String> features) {
        DataSpec data = DataSpec.defaults().withSource(SourceSpec.Csv.of(java.nio.file.Path.of("x.csv"))).withTarget("y")
                .withFeatures(features).withWindow(3).withHorizon(2).withTransform(transform);
        return new LoadedModel(ExperimentSpec.defaults().withData(data), Map.of("x", X, "y", Y), new OpaqueModel());
    }

    static Series series() {
        double[] x = {3, 5, 4, 8, 7};
        double[] y = {11, 14, 12, 19, 17};
        return new Series(List.of("x", "y"), new double[][] {x, y}, null);
    }

    @Test
    void differencedWindowsScaleAsPreparedDataDoesAndCarryTheTargetsLastLevel() {
        LoadedModel model = model(DataSpec.Transform.DIFFERENCE, List.of("x"));
        WindowCodec codec = WindowCodec.of(model);
        assertThat(codec.columns()).containsExactly("x", "y");
        assertThat(codec.steps()).isEqualTo(4);
        double[] raw = {5, 14, 4, 12, 8, 19, 7, 17}; // rows 1..4 of the series, columns x, y
        float[] inputs = new float[3];
        double[] last = new double[1];
        codec.encode(raw, 1, inputs, 0, last, 0);
        float[] expected = new float[3];
        PreparedData.withScalers(model.spec().data(), series(), model.scalers()).latestWindow().copyInputs(0, expected, 0);
        assertThat(inputs).containsExactly(expected);
        assertThat(last[0]).isEqualTo(17);
        assertThat(codec.decode(new double[] {0.5, -1.0}, 17)).containsExactly(17 + Y.inverse(0.5), 17 + Y.inverse(0.5) + Y.inverse(-1.0));
    }

    @Test
    void aLogTransformNamesTheWindowStepAndColumnOfANonPositiveValue() {
        WindowCodec codec = WindowCodec.of(model(DataSpec.Transform.LOG, List.of("x", "y")));
        double[] raw = {1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 0, 6};
        assertThatThrownBy(() -> codec.encode(raw, 2, new float[12], 0, new double[2], 0))
                .hasMessage("window 1, step 2, column 'x': the model's log transform needs positive values, was 0.0");
    }
}
