package org.lstm4j.core.exchange.torch;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** The storage classes a state_dict names ({@code torch.FloatStorage}, ...), with how to read one element. */
enum StorageType {
    FLOAT("FloatStorage", 4),
    DOUBLE("DoubleStorage", 8),
    HALF("HalfStorage", 2),
    BFLOAT16("BFloat16Storage", 2),
    LONG("LongStorage", 8),
    INT("IntStorage", 4),
    SHORT("ShortStorage", 2),
    BYTE("ByteStorage", 1),
    CHAR("CharStorage", 1),
    BOOL("BoolStorage", 1);

    /** The class name in module {@code torch}. */
    final String className;
    /** Bytes per element. */
    final int bytes;

    StorageType(String className, int bytes) {
        this.className = className;
        this.bytes = bytes;
    }

    /** The storage type named {@code torch.<className>}, if it is one. */
    static Optional<StorageType> named(String className) {
        return Arrays.stream(values()).filter(type -> type.className.equals(className)).findFirst();
    }

    /** Element {@code index} of {@code data}, widened to a double. */
    double read(ByteBuffer data, int index) {
        int at = index * bytes;
        return switch (this) {
            case FLOAT -> data.getFloat(at);
            case DOUBLE -> data.getDouble(at);
            case HALF -> halfToFloat(data.getShort(at));
            case BFLOAT16 -> Float.intBitsToFloat((data.getShort(at) & 0xffff) << 16);
            case LONG -> data.getLong(at);
            case INT -> data.getInt(at);
            case SHORT -> data.getShort(at);
            case BYTE -> data.get(at) & 0xff;
            case CHAR -> data.get(at);
            case BOOL -> data.get(at) != 0 ? 1 : 0;
        };
    }

    /** IEEE 754 binary16 to float (Java 17 has no {@code Float.float16ToFloat}). */
    static float halfToFloat(short half) {
        int sign = (half & 0x8000) << 16;
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13);
    }
}
