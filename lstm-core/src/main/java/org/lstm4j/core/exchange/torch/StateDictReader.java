package org.lstm4j.core.exchange.torch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a file written by {@code torch.save(model.state_dict(), path)} without Python. Since PyTorch 1.6 such a
 * file is a zip: {@code <name>/data.pkl} (the pickled dict of tensors, which name their storages by persistent
 * ids), {@code <name>/data/<key>} (each storage's raw little-endian bytes), {@code <name>/version} and, since 2.x,
 * {@code <name>/byteorder}. The pickle goes through {@link RestrictedUnpickler}, which refuses any global but
 * {@link PickleGlobals}' before it builds anything.
 *
 * <p>Limits, each an {@link ImportException}: the pickle at most {@value #MAX_PICKLE_BYTES} bytes, a storage at most
 * {@value #MAX_STORAGE_BYTES} bytes and exactly as long as its persistent id says, a tensor at most
 * {@value #MAX_TENSOR_ELEMENTS} elements, every element a view reaches inside its storage.
 *
 * <pre>{@code
 * StateDict state = StateDictReader.read(Path.of("model.pt"));
 * TorchTensor w = state.tensor("lstm.weight_ih_l0");   // [4h, in], values row-major
 * }</pre>
 */
public final class StateDictReader {
    /** Bytes of {@code data.pkl}: the pickle of a state_dict is a few hundred bytes per tensor. */
    public static final long MAX_PICKLE_BYTES = 64L << 20;
    /** Bytes of one storage. */
    public static final long MAX_STORAGE_BYTES = 1L << 30;
    /** Elements of one tensor (an LSTM layer of 4096 units has 4 x 4096 x 4096 = 2^26 recurrent weights). */
    public static final int MAX_TENSOR_ELEMENTS = 1 << 27;
    /** Entries of the zip. */
    static final int MAX_ENTRIES = 1 << 16;

    private StateDictReader() {}

    /**
     * The tensors of the state_dict saved in {@code file}.
     *
     * @throws ImportException naming the file and what is wrong: not a zip, truncated, a whole pickled module, a
     *                         refused global, a tensor outside its storage, ...
     */
    public static StateDict read(Path file) {
        checkHeader(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new ImportException(file + ": a zip of " + zip.size() + " entries is not a state_dict file (at most " + MAX_ENTRIES + ")");
            }
            String prefix = archivePrefix(file, zip);
            ZipEntry pickleEntry = zip.getEntry(prefix + "data.pkl");
            byte[] pickle = Storages.readEntry(file, zip, pickleEntry, MAX_PICKLE_BYTES);
            Storages storages = new Storages(file, zip, prefix, byteOrder(file, zip, prefix));
            Object top = RestrictedUnpickler.load(pickle, file + ": " + pickleEntry.getName(), storages);
            return new StateDict(file, tensors(file, top));
        } catch (ZipException e) {
            throw new ImportException(file + ": the file is truncated or corrupt (" + e.getMessage() + "); copy or save it again", e);
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
    }

    private static void checkHeader(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        } catch (NoSuchFileException e) {
            throw new ImportException(file + ": no such file");
        } catch (IOException e) {
            throw new ImportException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw new ImportException(file + ": the file is empty");
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0x80 && head[1] == 2 && (head[2] & 0xff) == 0x8a) {
            throw new ImportException(file + ": the legacy torch.save format (PyTorch before 1.6, or _use_new_zipfile_serialization=False); "
                    + "load it in Python and save it again with torch.save(model.state_dict(), path)");
        }
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            throw new ImportException(file + ": not a PyTorch state_dict file (not a zip archive; torch.save writes one since PyTorch 1.6)");
        }
    }

    /** The folder every entry of a torch.save zip sits in ({@code model/}), from its one {@code data.pkl}. */
    private static String archivePrefix(Path file, ZipFile zip) {
        List<String> pickles = new ArrayList<>();
        boolean torchScript = false;
        for (ZipEntry entry : Collections.list(zip.entries())) {
            String name = entry.getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                pickles.add(name.substring(0, slash + 1));
            }
            torchScript |= slash > 0 && (name.substring(slash + 1).equals("constants.pkl") || name.startsWith("code/", slash + 1));
        }
        if (torchScript) {
            throw new ImportException(file + ": a TorchScript archive (torch.jit.save), not a state_dict: save the model's weights with "
                    + "torch.save(model.state_dict(), path) and import that");
        }
        if (pickles.size() != 1) {
            throw new ImportException(file + ": not a torch.save file (" + (pickles.isEmpty() ? "no" : pickles.size()) + " <name>/data.pkl entries, one expected)");
        }
        return pickles.get(0);
    }

    private static ByteOrder byteOrder(Path file, ZipFile zip, String prefix) throws IOException {
        ZipEntry entry = zip.getEntry(prefix + "byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String order = new String(Storages.readEntry(file, zip, entry, 16), StandardCharsets.US_ASCII).strip();
        return switch (order) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new ImportException(file + ": " + entry.getName() + " says '" + order + "', expected little or big");
        };
    }

    /** The pickle's dict of tensors, or the reason it is not one. */
    private static Map<String, TorchTensor> tensors(Path file, Object top) {
        if (!(top instanceof Map<?, ?> dict)) {
            throw new ImportException(file + ": holds " + (top instanceof TorchTensor ? "a single tensor" : top == null ? "None" : "a "
                    + top.getClass().getSimpleName()) + ", not a state_dict: save it with torch.save(model.state_dict(), path)");
        }
        if (dict.isEmpty()) {
            throw new ImportException(file + ": the state_dict is empty (no tensors)");
        }
        for (Map.Entry<?, ?> entry : dict.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?>) {
                throw new ImportException(file + ": entry '" + entry.getKey() + "' is itself a dict (a training checkpoint?): save the "
                        + "model's state_dict alone, e.g. torch.save(checkpoint['" + entry.getKey() + "'], path), and import that");
            }
        }
        Map<String, TorchTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : dict.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                throw new ImportException(file + ": a state_dict's keys are tensor names; found the key " + entry.getKey());
            }
            if (!(entry.getValue() instanceof TorchTensor tensor)) {
                throw new ImportException(file + ": entry '" + name + "' is not a tensor (" + (entry.getValue() == null ? "None"
                        : entry.getValue().getClass().getSimpleName()) + "); a state_dict maps names to tensors");
            }
            tensors.put(name, tensor);
        }
        return tensors;
    }
}
