package org.lstm4j.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ParameterFormatTest {
    private static final int N = 2 * 16_384 + 5; // crosses the chunk size

    private final float[] values = values();

    private static float[] values() {
        float[] v = new float[N];
        for (int i = 0; i < N; i++) {
            v[i] = (float) Math.sin(i) * (i % 7 == 0 ? 1e-30f : 3f);
        }
        v[1] = -0.0f;
        v[2] = Float.MIN_VALUE;
        v[3] = Float.MAX_VALUE;
        return v;
    }

    private byte[] written() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParameterFormat.write(Nd4j.create(values, new long[] {1, N}, DataType.FLOAT), out);
        return out.toByteArray();
    }

    @Test
    void headerThenLittleEndianFloats() throws IOException {
        byte[] bytes = written();
        assertThat(bytes).hasSize(20 + 4 * N);
        assertThat(new String(bytes, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("LSTM4JP1");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(8)).isEqualTo(1);
        assertThat(b.getLong(12)).isEqualTo(N);
        assertThat(b.getFloat(20)).isEqualTo(values[0]);
        assertThat(b.getFloat(20 + 4 * (N - 1))).isEqualTo(values[N - 1]);
    }

    @Test
    void roundTripIsBitExactAndReadsNoFurther() throws IOException {
        byte[] bytes = written();
        byte[] withTrailer = Arrays.copyOf(bytes, bytes.length + 3);
        withTrailer[bytes.length] = 42;
        ByteArrayInputStream in = new ByteArrayInputStream(withTrailer);
        INDArray read = ParameterFormat.read(in, N, DataType.FLOAT);
        assertThat(read.shape()).containsExactly(1, N);
        float[] back = read.data().asFloat();
        for (int i = 0; i < N; i++) {
            assertThat(Float.floatToRawIntBits(back[i])).as("value %d", i).isEqualTo(Float.floatToRawIntBits(values[i]));
        }
        assertThat(in.read()).isEqualTo(42);
    }

    @Test
    void rejectsWrongMagicCountTypeAndTruncation() throws IOException {
        byte[] good = written();
        assertThatThrownBy(() -> ParameterFormat.read(new ByteArrayInputStream(good), N + 1, DataType.FLOAT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("parameter count " + N + " does not match the network's " + (N + 1));

        byte[] unknownType = good.clone();
        unknownType[8] = 9;
        assertThatThrownBy(() -> ParameterFormat.read(new ByteArrayInputStream(unknownType), N, DataType.FLOAT))
                .isInstanceOf(IOException.class).hasMessageContaining("data type code 9");
        assertThatThrownBy(() -> ParameterFormat.read(new ByteArrayInputStream(good), N, DataType.DOUBLE))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the parameters are float32 but the network is float64");

        byte[] javaSerialised = {(byte) 0xac, (byte) 0xed, 0, 5, 0x73, 0x72, 0, 1, 2, 3};
        assertThatThrownBy(() -> ParameterFormat.read(new ByteArrayInputStream(javaSerialised), N, DataType.FLOAT))
                .isInstanceOf(IOException.class).hasMessageContaining("LSTM4JP1").hasMessageContaining("0xaced");

        assertThatThrownBy(() -> ParameterFormat.read(new ByteArrayInputStream(Arrays.copyOf(good, good.length - 1)), N, DataType.FLOAT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("truncated parameters: the stream ended after " + (N - 1) + " of " + N + " float32 values");
        assertThatThrownBy(() -> ParameterFormat.read(new ByteArrayInputStream(Arrays.copyOf(good, 15)), N, DataType.FLOAT))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated parameter header");
        assertThatThrownBy(() -> ParameterFormat.read(new ByteArrayInputStream(Arrays.copyOf(good, 5)), N, DataType.FLOAT))
                .isInstanceOf(IOException.class).hasMessageContaining("stream ended");
    }

    /** float64 and float16 store their own bytes: 8 and 2 per value, restored bit for bit. */
    @Test
    void doubleAndHalfRoundTripBitExact() throws IOException {
        double[] doubles = new double[N];
        for (int i = 0; i < N; i++) {
            doubles[i] = Math.sin(i) * Math.pow(10, i % 9 - 4);
        }
        doubles[1] = -0.0;
        doubles[2] = Double.MIN_VALUE;
        INDArray asDouble = Nd4j.createFromArray(doubles).reshape(1, N);
        byte[] bytes = write(asDouble);
        assertThat(bytes).hasSize(20 + 8 * N);
        assertThat(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(8)).isEqualTo(2);
        assertThat(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getDouble(20 + 8 * 5)).isEqualTo(doubles[5]);
        double[] back = ParameterFormat.read(new ByteArrayInputStream(bytes), N, DataType.DOUBLE).data().asDouble();
        for (int i = 0; i < N; i++) {
            assertThat(Double.doubleToRawLongBits(back[i])).as("value %d", i).isEqualTo(Double.doubleToRawLongBits(doubles[i]));
        }

        INDArray asHalf = Nd4j.createFromArray(values).reshape(1, N).castTo(DataType.HALF);
        byte[] halfBytes = write(asHalf);
        assertThat(halfBytes).hasSize(20 + 2 * N);
        assertThat(ByteBuffer.wrap(halfBytes).order(ByteOrder.LITTLE_ENDIAN).getInt(8)).isEqualTo(3);
        INDArray halfBack = ParameterFormat.read(new ByteArrayInputStream(halfBytes), N, DataType.HALF);
        assertThat(halfBack.dataType()).isEqualTo(DataType.HALF);
        assertThat(halfBack).isEqualTo(asHalf);
        // the raw bits too: 1.0 in binary16 is 0x3c00
        byte[] one = write(Nd4j.ones(DataType.HALF, 1, 1));
        assertThat(ByteBuffer.wrap(one).order(ByteOrder.LITTLE_ENDIAN).getShort(20)).isEqualTo((short) 0x3c00);
    }

    private static byte[] write(INDArray params) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParameterFormat.write(params, out);
        return out.toByteArray();
    }
}
