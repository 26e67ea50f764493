package org.lstm4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ScalerSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.api.SplitSpec;

/** The scaler is fitted on the train part only: the validation and test values cannot move it. */
class ScalerIsolationTest {
    @TempDir
    Path dir;

    @Test
    void validationAndTestValuesDoNotChangeTheFittedScalers() throws IOException {
        for (ScalerSpec.ScalerType type : ScalerSpec.ScalerType.values()) {
            DataSpec calm = spec(write("calm.csv", false), type);
            DataSpec wild = spec(write("wild.csv", true), type);
            PreparedData a = PreparedData.prepare(calm, 1);
            PreparedData b = PreparedData.prepare(wild, 1);
            assertThat(b.scalers()).as(type.name()).isEqualTo(a.scalers());
            assertThat(b.series().column("y")).isNotEqualTo(a.series().column("y"));
        }
    }

    private static DataSpec spec(Path csv, ScalerSpec.ScalerType type) {
        return DataSpec.defaults().withSource(SourceSpec.Csv.of(csv)).withTarget("y").withFeatures(List.of("x", "y"))
                .withWindow(3).withScaler(ScalerSpec.of(type)).withSplit(new SplitSpec(0.6, 0.2, 0.2));
    }

    /** 50 rows; with {@code wild} the last 40% (validation and test) are multiplied by 1000. */
    private Path write(String name, boolean wild) throws IOException {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) {
            double factor = wild && i >= 30 ? 1000 : 1;
            csv.append(Math.cos(i) * factor).append(',').append(Math.sin(i * 0.3) * factor + i % 7).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }
}
