package org.lstm4j.core.exchange.torch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The storages of a torch.save zip ({@code <name>/data/<key>}), each read once when a tensor first names it, and the
 * tensors cut from them: {@code storage_offset}, sizes and strides honoured, every element checked to lie inside.
 */
final class Storages implements RestrictedUnpickler.TensorSource {
    private final Path file;
    private final ZipFile zip;
    private final String prefix;
    private final ByteOrder order;
    private final Map<String, Loaded> loaded = new HashMap<>();

    private record Loaded(StorageType type, ByteBuffer data, long elements) {}

    Storages(Path file, ZipFile zip, String prefix, ByteOrder order) {
        this.file = file;
        this.zip = zip;
        this.prefix = prefix;
        this.order = order;
    }

    @Override
    public TorchTensor tensor(RestrictedUnpickler.StorageRef ref, long offset, long[] size, long[] stride) {
        String view = "a tensor of size " + Arrays.toString(size) + ", stride " + Arrays.toString(stride) + " at offset " + offset
                + " of storage " + ref.key();
        long elements = 1;
        long last = offset;
        for (int d = 0; d < size.length; d++) {
            if (size[d] < 0 || stride[d] < 0) {
                throw new ImportException(file + ": " + view + ": sizes and strides must not be negative");
            }
            if (elements != 0 && size[d] > StateDictReader.MAX_TENSOR_ELEMENTS / elements) {
                throw new ImportException(file + ": " + view + ": more than " + StateDictReader.MAX_TENSOR_ELEMENTS + " elements");
            }
            elements *= size[d];
            if (size[d] > 0) {
                // both factors are below 2^63 and the product is compared with a storage of < 2^31 elements
                last = stride[d] > Long.MAX_VALUE / 2 / size[d] || last > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : last + (size[d] - 1) * stride[d];
            }
        }
        if (offset < 0 || elements > 0 && last >= ref.elements()) {
            throw new ImportException(file + ": " + view + " reaches element " + last + " of a storage of " + ref.elements()
                    + " elements: the view lies outside its storage");
        }
        Loaded storage = load(ref);
        int[] shape = new int[size.length];
        for (int d = 0; d < size.length; d++) {
            shape[d] = (int) size[d];
        }
        double[] values = new double[(int) elements];
        int[] index = new int[size.length];
        for (int i = 0; i < values.length; i++) {
            long at = offset;
            for (int d = 0; d < size.length; d++) {
                at += index[d] * stride[d];
            }
            values[i] = storage.type().read(storage.data(), (int) at);
            for (int d = size.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
        return new TorchTensor(ref.type().className, shape, values);
    }

    private Loaded load(RestrictedUnpickler.StorageRef ref) {
        Loaded known = loaded.get(ref.key());
        if (known != null) {
            if (known.type() != ref.type() || known.elements() != ref.elements()) {
                throw new ImportException(file + ": storage " + ref.key() + " is named as " + known.elements() + " x " + known.type().className
                        + " and as " + ref.elements() + " x " + ref.type().className);
            }
            return known;
        }
        ZipEntry entry = zip.getEntry(prefix + "data/" + ref.key());
        if (entry == null) {
            throw new ImportException(file + ": the pickle names storage " + ref.key() + ", but there is no entry " + prefix + "data/" + ref.key());
        }
        if (ref.elements() > StateDictReader.MAX_STORAGE_BYTES / ref.type().bytes) {
            throw new ImportException(file + ": storage " + ref.key() + " of " + ref.elements() + " elements is larger than "
                    + StateDictReader.MAX_STORAGE_BYTES + " bytes");
        }
        long expected = ref.elements() * ref.type().bytes;
        byte[] bytes;
        try {
            bytes = readEntry(file, zip, entry, expected);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read " + entry.getName() + ": " + e.getMessage(), e);
        }
        if (bytes.length != expected) {
            throw new ImportException(file + ": " + entry.getName() + " holds " + bytes.length + " bytes; its persistent id says "
                    + ref.elements() + " x " + ref.type().className + " (" + expected + " bytes)");
        }
        Loaded storage = new Loaded(ref.type(), ByteBuffer.wrap(bytes).order(order), ref.elements());
        loaded.put(ref.key(), storage);
        return storage;
    }

    /**
     * The bytes of {@code entry}, refused when it says or turns out to be longer than {@code limit}: one byte more is
     * read than allowed, so a lying size in the zip cannot make it read past the limit.
     */
    static byte[] readEntry(Path file, ZipFile zip, ZipEntry entry, long limit) throws IOException {
        if (entry.getSize() > limit) {
            throw new ImportException(file + ": " + entry.getName() + " is " + entry.getSize() + " bytes, more than the " + limit + " allowed");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw new ImportException(file + ": " + entry.getName() + " is more than the " + limit + " bytes allowed");
            }
            return bytes;
        }
    }
}
