package org.lstm4j.dl4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The raw parameter format, all little-endian:
 * <pre>
 * 8 bytes  magic "LSTM4JP1"
 * int32    data type code (1 = float32)
 * int64    parameter count n
 * n x float32  the network's flattened parameters, in DL4J's order
 * </pre>
 * No Java serialization. The reader reads exactly the header and n values, never past them.
 */
final class ParameterFormat {
    static final byte[] MAGIC = "LSTM4JP1".getBytes(StandardCharsets.US_ASCII);
    static final int FLOAT32 = 1;
    static final int HEADER_BYTES = MAGIC.length + Integer.BYTES + Long.BYTES;
    private static final int CHUNK_FLOATS = 16_384;

    private ParameterFormat() {
    }

    static void write(INDArray params, OutputStream out) throws IOException {
        float[] values = params.castTo(DataType.FLOAT).dup('c').data().asFloat();
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(FLOAT32).putLong(values.length);
        out.write(header.array());
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += CHUNK_FLOATS) {
            int to = Math.min(values.length, from + CHUNK_FLOATS);
            chunk.clear();
            chunk.asFloatBuffer().put(values, from, to - from);
            out.write(chunk.array(), 0, (to - from) * Float.BYTES);
        }
    }

    /**
     * Reads parameters written by {@link #write}.
     *
     * @param expectedCount the network's parameter count
     * @return a {@code [1, n]} float32 row vector
     * @throws IOException when the stream is not such a file, is truncated, or holds another count
     */
    static INDArray read(InputStream in, long expectedCount) throws IOException {
        byte[] headerBytes = in.readNBytes(HEADER_BYTES);
        if (headerBytes.length < MAGIC.length
                || !Arrays.equals(Arrays.copyOf(headerBytes, MAGIC.length), MAGIC)) {
            throw new IOException("not an lstm4j dl4j parameter stream: expected magic bytes 'LSTM4JP1', found "
                    + describe(Arrays.copyOf(headerBytes, Math.min(headerBytes.length, MAGIC.length))));
        }
        if (headerBytes.length < HEADER_BYTES) {
            throw new IOException("truncated parameter header: " + headerBytes.length + " of " + HEADER_BYTES + " bytes");
        }
        ByteBuffer header = ByteBuffer.wrap(headerBytes, MAGIC.length, HEADER_BYTES - MAGIC.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        int dataType = header.getInt();
        long count = header.getLong();
        if (dataType != FLOAT32) {
            throw new IOException("unsupported parameter data type code " + dataType + " (expected " + FLOAT32 + " = float32)");
        }
        if (count != expectedCount) {
            throw new IOException("parameter count " + count + " does not match the network's " + expectedCount
                    + ": the parameters belong to another model or shape");
        }
        float[] values = new float[Math.toIntExact(count)];
        byte[] chunk = new byte[CHUNK_FLOATS * Float.BYTES];
        for (int from = 0; from < values.length; from += CHUNK_FLOATS) {
            int n = Math.min(values.length - from, CHUNK_FLOATS);
            int got = in.readNBytes(chunk, 0, n * Float.BYTES);
            if (got < n * Float.BYTES) {
                throw new IOException("truncated parameters: the stream ended after " + (from + got / Float.BYTES)
                        + " of " + count + " float32 values");
            }
            ByteBuffer.wrap(chunk, 0, got).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values, from, n);
        }
        return Nd4j.create(values, new long[] {1, values.length}, DataType.FLOAT);
    }

    private static String describe(byte[] bytes) {
        if (bytes.length == 0) {
            return "an empty stream";
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return "0x" + hex + (bytes.length < MAGIC.length ? " (stream ended)" : "");
    }
}
