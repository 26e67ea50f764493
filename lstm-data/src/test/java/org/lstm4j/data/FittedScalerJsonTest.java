package org.lstm4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.lstm4j.api.ScalerSpec;
import org.lstm4j.api.ScalerSpec.ScalerType;

class FittedScalerJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(ScalerType.class)
    void roundTripsThroughJackson(ScalerType type) throws JsonProcessingException {
        FittedScaler fitted = Scaler.fit(ScalerSpec.of(type), new double[] {0.1, 7.3, -2.9, 4.4, 1e-7}, 0, 5);

        String text = json.writeValueAsString(fitted);
        FittedScaler back = json.readValue(text, FittedScaler.class);

        assertThat(back).isEqualTo(fitted);
        assertThat(back.transform(3.3)).isEqualTo(fitted.transform(3.3));
    }

    @Test
    void writesExactlyTheRecordComponents() throws JsonProcessingException {
        FittedScaler fitted = new FittedScaler(ScalerType.STANDARD, 5.0, 2.0, 0.0);

        assertThat(json.writeValueAsString(fitted))
                .isEqualTo("{\"type\":\"STANDARD\",\"offset\":5.0,\"scale\":2.0,\"base\":0.0}");
    }

    @Test
    void refusesAZeroScaleWhenRead() {
        String zeroScale = "{\"type\":\"MINMAX\",\"offset\":1.0,\"scale\":0.0,\"base\":0.0}";

        assertThatThrownBy(() -> json.readValue(zeroScale, FittedScaler.class))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
