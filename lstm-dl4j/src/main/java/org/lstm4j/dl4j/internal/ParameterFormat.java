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
 * int32    data type code: 1 = float32, 2 = float64, 3 = float16 (IEEE 754 binary16)
 * int64    parameter count n
 * n values of that type, the network's flattened parameters in DL4J's order
 * </pre>
 * The values are the network's own bytes, so a network restores bit for bit in its precision. DL4J keeps BatchNorm's
 * running mean and log10 standard deviation among the parameters, so they are stored too. No Java serialization.
 * The reader reads exactly the header and n values, never past them.
 */
final class ParameterFormat {
    static final byte[] MAGIC = "LSTM4JP1".getBytes(StandardCharsets.US_ASCII);
    static final int FLOAT32 = 1;
    static final int FLOAT64 = 2;
    static final int FLOAT16 = 3;
    static final int HEADER_BYTES = MAGIC.length + Integer.BYTES + Long.BYTES;
    private static final int CHUNK_BYTES = 64 * 1024;

    private ParameterFormat() {
    }

    static void write(INDArray params, OutputStream out) throws IOException {
        DataType type = params.dataType();
        int code = code(type);
        INDArray flat = params.dup('c');
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(code).putLong(flat.length());
        out.write(header.array());
        ByteBuffer values = flat.data().asNio().order(ByteOrder.nativeOrder());
        int width = type.width();
        long bytes = flat.length() * width;
        byte[] chunk = new byte[CHUNK_BYTES];
        for (long from = 0; from < bytes; from += CHUNK_BYTES) {
            int n = (int) Math.min(CHUNK_BYTES, bytes - from);
            values.position((int) from);
            values.get(chunk, 0, n);
            toLittleEndian(chunk, n, width);
            out.write(chunk, 0, n);
        }
    }

    /**
     * Reads parameters written by {@link #write}.
     *
     * @param expectedCount the network's parameter count
     * @param expectedType  the network's data type
     * @return a {@code [1, n]} row vector of {@code expectedType}
     * @throws IOException when the stream is not such a file, is truncated, or holds another count or type
     */
    static INDArray read(InputStream in, long expectedCount, DataType expectedType) throws IOException {
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
        int code = header.getInt();
        long count = header.getLong();
        DataType type = type(code);
        if (type != expectedType) {
            throw new IOException("the parameters are " + name(type) + " but the network is " + name(expectedType)
                    + ": restore with the training.precision they were trained with");
        }
        if (count != expectedCount) {
            throw new IOException("parameter count " + count + " does not match the network's " + expectedCount
                    + ": the parameters belong to another model or shape");
        }
        INDArray params = Nd4j.createUninitialized(type, 1, count);
        ByteBuffer values = params.data().asNio().order(ByteOrder.nativeOrder());
        int width = type.width();
        long bytes = count * width;
        byte[] chunk = new byte[CHUNK_BYTES];
        for (long from = 0; from < bytes; from += CHUNK_BYTES) {
            int n = (int) Math.min(CHUNK_BYTES, bytes - from);
            int got = in.readNBytes(chunk, 0, n);
            if (got < n) {
                throw new IOException("truncated parameters: the stream ended after " + (from + got) / width
                        + " of " + count + " " + name(type) + " values");
            }
            toLittleEndian(chunk, n, width); // the same swap turns little-endian into native order
            values.position((int) from);
            values.put(chunk, 0, n);
        }
        return params;
    }

    /** The precision name of a data type, as in {@code training.precision}. */
    static String name(DataType type) {
        return switch (type) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case HALF -> "float16";
            default -> type.toString();
        };
    }

    private static int code(DataType type) throws IOException {
        return switch (type) {
            case FLOAT -> FLOAT32;
            case DOUBLE -> FLOAT64;
            case HALF -> FLOAT16;
            default -> throw new IOException("cannot store parameters of data type " + type);
        };
    }

    private static DataType type(int code) throws IOException {
        return switch (code) {
            case FLOAT32 -> DataType.FLOAT;
            case FLOAT64 -> DataType.DOUBLE;
            case FLOAT16 -> DataType.HALF;
            default -> throw new IOException("unsupported parameter data type code " + code + " (expected "
                    + FLOAT32 + " = float32, " + FLOAT64 + " = float64 or " + FLOAT16 + " = float16)");
        };
    }

    /** Reverses each {@code width}-byte value of {@code bytes[0..n)} when this machine is big-endian. */
    private static void toLittleEndian(byte[] bytes, int n, int width) {
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            return;
        }
        for (int at = 0; at < n; at += width) {
            for (int i = 0, j = width - 1; i < j; i++, j--) {
                byte swap = bytes[at + i];
                bytes[at + i] = bytes[at + j];
                bytes[at + j] = swap;
            }
        }
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
