package org.lstm4j.core.exchange.torch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes pickles opcode by opcode, and torch.save-shaped zips around them, for tests of what PyTorch would not write. */
final class PickleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static PickleBytes protocol(int version) {
        return new PickleBytes().op(0x80).op(version);
    }

    PickleBytes op(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    PickleBytes global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    PickleBytes string(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        op('X', bytes.length & 0xff, bytes.length >>> 8 & 0xff, bytes.length >>> 16 & 0xff, bytes.length >>> 24);
        out.writeBytes(bytes);
        return this;
    }

    PickleBytes integer(int value) {
        return op('J', value & 0xff, value >>> 8 & 0xff, value >>> 16 & 0xff, value >>> 24);
    }

    PickleBytes mark() {
        return op('(');
    }

    PickleBytes tuple() {
        return op('t');
    }

    PickleBytes reduce() {
        return op('R');
    }

    PickleBytes emptyDict() {
        return op('}');
    }

    PickleBytes setItems() {
        return op('u');
    }

    /** {@code _rebuild_tensor_v2(('storage', torch.<type>, key, 'cpu', elements), offset, size, stride, False, OrderedDict())}. */
    PickleBytes tensor(String type, String key, int elements, int offset, int[] size, int[] stride) {
        return tensor(type, key, "cpu", elements, offset, size, stride);
    }

    /** The same on a device ({@code cuda:0}). */
    PickleBytes tensor(String type, String key, String location, int elements, int offset, int[] size, int[] stride) {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        mark().string("storage").global("torch", type).string(key).string(location).integer(elements).tuple().op('Q');
        integer(offset);
        mark();
        for (int s : size) {
            integer(s);
        }
        tuple().mark();
        for (int s : stride) {
            integer(s);
        }
        tuple().op(0x89).global("collections", "OrderedDict").op(')').reduce();
        return tuple().reduce();
    }

    PickleBytes stop() {
        return op('.');
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** A torch.save-shaped zip: {@code archive/data.pkl}, the storages under {@code archive/data/}, {@code archive/version}. */
    Path writeZip(Path file, Map<String, byte[]> storages) throws IOException {
        try (OutputStream stream = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(stream)) {
            entry(zip, "archive/data.pkl", bytes());
            for (Map.Entry<String, byte[]> storage : storages.entrySet()) {
                entry(zip, "archive/data/" + storage.getKey(), storage.getValue());
            }
            entry(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    /** {@code count} little-endian floats 0, 1, 2, ... */
    static byte[] floats(int count) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 * count).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            buffer.putFloat(i);
        }
        return buffer.array();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
