package org.lstm4j.core.quantize;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lstm4j.core.quantize.Int8Weights.FloatVector;
import org.lstm4j.core.quantize.Int8Weights.Int8Matrix;
import org.lstm4j.core.quantize.Int8Weights.Tensor;

/**
 * The bundle entry {@code weights.int8}, big-endian (Java's {@code DataOutput}):
 * <pre>
 * 8 bytes  magic "LSTM4JQ8"
 * int32    tensor count
 * per tensor:
 *   UTF      name (int16 length + modified UTF-8)
 *   byte     kind: 1 = int8 matrix, 2 = float32 vector
 *   kind 1:  int32 rows, int32 columns, float32 scales[rows], int8 values[rows * columns]
 *   kind 2:  int32 n, float32 values[n]
 * </pre>
 * The reader checks every count against the bytes that are left before it allocates, so a corrupt entry cannot make
 * it allocate more than the entry's own size.
 */
public final class Int8WeightsFormat {
    private static final byte[] MAGIC = "LSTM4JQ8".getBytes(StandardCharsets.US_ASCII);
    private static final byte INT8_MATRIX = 1;
    private static final byte FLOAT_VECTOR = 2;

    private Int8WeightsFormat() {
    }

    /** The entry's bytes. */
    public static byte[] write(Int8Weights weights) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(weights.tensors().size());
            for (Map.Entry<String, Tensor> entry : weights.tensors().entrySet()) {
                out.writeUTF(entry.getKey());
                if (entry.getValue() instanceof Int8Matrix m) {
                    out.writeByte(INT8_MATRIX);
                    out.writeInt(m.rows());
                    out.writeInt(m.columns());
                    for (float scale : m.scales()) {
                        out.writeFloat(scale);
                    }
                    out.write(m.values());
                } else if (entry.getValue() instanceof FloatVector v) {
                    out.writeByte(FLOAT_VECTOR);
                    out.writeInt(v.values().length);
                    for (float value : v.values()) {
                        out.writeFloat(value);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads an entry written by {@link #write}.
     *
     * @throws IOException saying what is wrong: not such an entry, truncated, an unknown tensor kind, a count that does
     *                     not fit the entry
     */
    public static Int8Weights read(byte[] entry) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(entry);
        if (entry.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(entry, MAGIC.length), MAGIC)) {
            throw new IOException("weights.int8 does not start with the magic bytes LSTM4JQ8");
        }
        in.position(MAGIC.length);
        try {
            int count = in.getInt();
            if (count < 1 || count > in.remaining()) {
                throw new IOException("weights.int8 claims " + count + " tensors in " + in.remaining() + " bytes");
            }
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = utf(in);
                byte kind = in.get();
                Tensor tensor = switch (kind) {
                    case INT8_MATRIX -> {
                        int rows = in.getInt();
                        int columns = in.getInt();
                        long needed = 4L * rows + (long) rows * columns;
                        check(name, rows >= 1 && columns >= 1 && needed <= in.remaining(), rows + " x " + columns, in);
                        float[] scales = new float[rows];
                        for (int r = 0; r < rows; r++) {
                            scales[r] = in.getFloat();
                        }
                        byte[] values = new byte[rows * columns];
                        in.get(values);
                        yield new Int8Matrix(rows, columns, scales, values);
                    }
                    case FLOAT_VECTOR -> {
                        int n = in.getInt();
                        check(name, n >= 0 && 4L * n <= in.remaining(), String.valueOf(n), in);
                        float[] values = new float[n];
                        for (int k = 0; k < n; k++) {
                            values[k] = in.getFloat();
                        }
                        yield new FloatVector(values);
                    }
                    default -> throw new IOException("weights.int8: tensor " + name + " has unknown kind " + kind);
                };
                tensors.put(name, tensor);
            }
            if (in.hasRemaining()) {
                throw new IOException("weights.int8 has " + in.remaining() + " bytes after its last tensor");
            }
            return new Int8Weights(tensors);
        } catch (BufferUnderflowException e) {
            throw new IOException("weights.int8 is truncated", e);
        }
    }

    private static String utf(ByteBuffer in) throws IOException {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new IOException("weights.int8 is truncated (a tensor name of " + length + " bytes)");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void check(String name, boolean fits, String size, ByteBuffer in) throws IOException {
        if (!fits) {
            throw new IOException("weights.int8: tensor " + name + " of size " + size + " does not fit the " + in.remaining()
                    + " bytes left");
        }
    }
}
