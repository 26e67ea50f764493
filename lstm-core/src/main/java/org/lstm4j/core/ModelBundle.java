package org.lstm4j.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.lstm4j.api.Backend;
import org.lstm4j.api.Backends;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.SampleShape;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.core.config.ConfigException;
import org.lstm4j.core.config.ExperimentLoader;
import org.lstm4j.core.config.SpecWriter;
import org.lstm4j.core.quantize.Int8Weights;
import org.lstm4j.core.quantize.Int8WeightsFormat;
import org.lstm4j.data.FittedScaler;

/**
 * The self-contained model file ({@code model.zip}): a format version, the experiment as JSON, the
 * fitted scalers as JSON and the network's raw parameters. No Java serialization anywhere.
 *
 * <pre>
 * format.json      {"format": "lstm4j-bundle", "format_version": 1, "backend": "dl4j", "shape": {...}}
 * experiment.json  the resolved experiment, in the DSL's keys
 * scalers.json     {"column": {fitted scaler}, ...}
 * parameters.bin   the backend's raw parameters (version 1)
 * weights.int8     instead of parameters.bin: int8 weights ({@link Int8WeightsFormat}, version 2, "weights": "int8")
 * </pre>
 * {@code format.json} also lists every other entry with its size and SHA-256 ({@code "entries": {"scalers.json":
 * {"bytes": 412, "sha256": "..."}}}); a reader checks them before it reads anything else, so a damaged or altered
 * bundle is refused naming the entry. Bundles written before checksums list none and are read unchecked.
 * A bundle's version is the lowest that can read it: float bundles are still written as version 1, so older lstm4j
 * versions read them; only int8 bundles ({@link #saveQuantized}) need version 2.
 */
public final class ModelBundle {
    /** The newest version of the layout above this lstm4j reads; bumped on any incompatible change. */
    public static final int FORMAT_VERSION = 2;
    private static final int FLOAT_VERSION = 1;
    private static final int INT8_VERSION = 2;
    private static final String INT8 = "int8";
    private static final String INT8_ENTRY = "weights.int8";
    private static final String FORMAT_NAME = "lstm4j-bundle";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most entries read (a bundle has four). */
    private static final int MAX_ENTRIES = 64;
    /** The most bytes all entries may hold: 256 MiB (a 64-million-parameter float32 network), far above any bundle. */
    private static final int MAX_TOTAL_BYTES = 256 << 20;
    private static final String TRUNCATED = "the model bundle is truncated or corrupt";

    private ModelBundle() {}

    /** Writes the bundle of {@code result} to {@code file}, atomically. */
    public static void save(ExperimentResult result, Path file) throws IOException {
        save(new LoadedModel(result.spec(), result.data().scalers(), result.model()), result.backendName(), file);
    }

    /**
     * Writes a bundle of a model that did not come from a training run (an import, a quantization) to {@code file},
     * atomically.
     *
     * @param model   the spec, fitted scalers and network (its shape is {@code model.spec().data().sampleShape()})
     * @param backend the name of the backend that restores it ({@link Backend#name()})
     */
    public static void save(LoadedModel model, String backend, Path file) throws IOException {
        ByteArrayOutputStream parameters = new ByteArrayOutputStream();
        model.model().writeParameters(parameters);
        write(model, format(model, backend, FLOAT_VERSION), "parameters.bin", parameters.toByteArray(), file);
    }

    /**
     * Writes a bundle of {@code model} whose weights are {@code weights} (its network quantized) to {@code file},
     * atomically, as format version 2.
     */
    public static void saveQuantized(LoadedModel model, String backend, Int8Weights weights, Path file) throws IOException {
        Map<String, Object> format = format(model, backend, INT8_VERSION);
        format.put("weights", INT8);
        write(model, format, INT8_ENTRY, Int8WeightsFormat.write(weights), file);
    }

    /**
     * What the bundle in {@code file} is, from its {@code format.json}, without building its network.
     *
     * @throws BundleException naming the file and what is wrong with it
     */
    public static BundleFormat describe(Path file) {
        return format(file, readEntries(file));
    }

    private static Map<String, Object> format(LoadedModel model, String backend, int version) {
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("format", FORMAT_NAME);
        format.put("format_version", version);
        format.put("backend", backend);
        SampleShape shape = model.spec().data().sampleShape();
        format.put("shape", ordered("window", shape.window(), "features", shape.features(), "horizon", shape.horizon()));
        format.put("parameter_count", model.model().parameterCount());
        return format;
    }

    private static void write(LoadedModel model, Map<String, Object> format, String weightsEntry, byte[] weights, Path file)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("experiment.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(SpecWriter.toTree(model.spec())));
        entries.put("scalers.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(model.scalers()));
        entries.put(weightsEntry, weights);
        Map<String, Object> checksums = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> checksums.put(name, ordered("bytes", bytes.length, "sha256", Sha256.hex(bytes))));
        format.put("entries", checksums);
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                entry(zip, "format.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(format));
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    entry(zip, entry.getKey(), entry.getValue());
                }
            }
        });
    }

    /**
     * Reads a bundle written by {@link #save}.
     *
     * @throws BundleException naming the file and what is wrong with it
     */
    public static LoadedModel load(Path file) {
        Map<String, byte[]> entries = readEntries(file);
        BundleFormat format = format(file, entries);
        try {
            ExperimentSpec spec = ExperimentLoader.bind(new String(entries.get("experiment.json"), StandardCharsets.UTF_8),
                    file + "!experiment.json", Path.of("."), "bundle").spec();
            Map<String, FittedScaler> scalers = JSON.readValue(entries.get("scalers.json"), new TypeReference<LinkedHashMap<String, FittedScaler>>() {});
            Backend backend = Backends.named(format.backend());
            SampleShape shape = format.shape();
            TrainedModel model;
            if (format.int8()) {
                model = backend.restore(shape, spec.model(), spec.training(), Int8WeightsFormat.read(entries.get(INT8_ENTRY)).dequantize());
            } else {
                try (InputStream parameters = new ByteArrayInputStream(entries.get("parameters.bin"))) {
                    model = backend.restore(shape, spec.model(), spec.training(), parameters);
                }
            }
            return new LoadedModel(spec, scalers, model);
        } catch (ConfigException e) {
            throw new BundleException(file + ": its experiment is invalid: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BundleException bundle) {
                throw bundle;
            }
            throw new BundleException(file + ": corrupt model bundle: " + e.getMessage(), e);
        }
    }

    /** Checks the entries and {@code format.json} of a bundle. */
    private static BundleFormat format(Path file, Map<String, byte[]> entries) {
        if (!entries.containsKey("format.json")) {
            throw new BundleException(file + ": not an lstm4j model bundle (no format.json)");
        }
        Map<String, Object> format;
        try {
            format = JSON.readValue(entries.get("format.json"), new TypeReference<>() {});
        } catch (IOException e) {
            throw new BundleException(file + ": corrupt model bundle: format.json is not valid JSON", e);
        }
        if (!FORMAT_NAME.equals(format.get("format"))) {
            throw new BundleException(file + ": not an lstm4j model bundle (format " + format.get("format") + ")");
        }
        Object version = format.get("format_version");
        if (!(version instanceof Integer v) || v < 1 || v > FORMAT_VERSION) {
            throw new BundleException(file + ": bundle format version " + version + " is not supported; this lstm4j reads versions 1 to "
                    + FORMAT_VERSION);
        }
        verifyEntries(file, format.get("entries"), entries);
        boolean int8 = INT8.equals(format.get("weights"));
        for (String name : new String[] {"experiment.json", "scalers.json", int8 ? INT8_ENTRY : "parameters.bin"}) {
            if (!entries.containsKey(name)) {
                throw new BundleException(file + ": not an lstm4j model bundle (no " + name + ")");
            }
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Integer> shape = (Map<String, Integer>) format.get("shape");
            Map<String, Long> sizes = new LinkedHashMap<>();
            entries.forEach((name, bytes) -> sizes.put(name, (long) bytes.length));
            return new BundleFormat(v, (String) format.get("backend"), int8,
                    new SampleShape(shape.get("window"), shape.get("features"), shape.get("horizon")), sizes);
        } catch (RuntimeException e) {
            throw new BundleException(file + ": corrupt model bundle: format.json has no valid backend and shape", e);
        }
    }

    /**
     * Checks each entry {@code format.json} lists against its size and SHA-256 (bundles written before checksums list
     * none).
     */
    private static void verifyEntries(Path file, Object listed, Map<String, byte[]> entries) {
        if (listed == null) {
            return;
        }
        if (!(listed instanceof Map<?, ?> checksums)) {
            throw new BundleException(file + ": corrupt model bundle: format.json's entries is not an object");
        }
        for (Map.Entry<?, ?> listing : checksums.entrySet()) {
            String name = String.valueOf(listing.getKey());
            byte[] bytes = entries.get(name);
            if (bytes == null) {
                throw new BundleException(file + ": corrupt model bundle: entry " + name + " is missing (format.json lists it)");
            }
            Map<?, ?> sum = listing.getValue() instanceof Map<?, ?> m ? m : Map.of();
            if (!(sum.get("bytes") instanceof Number size) || !(sum.get("sha256") instanceof String sha256)) {
                throw new BundleException(file + ": corrupt model bundle: format.json lists " + name + " without its bytes and sha256");
            }
            if (size.longValue() != bytes.length) {
                throw new BundleException(file + ": corrupt model bundle: entry " + name + " has " + bytes.length
                        + " bytes, format.json says " + size);
            }
            if (!sha256.equals(Sha256.hex(bytes))) {
                throw new BundleException(file + ": corrupt model bundle: entry " + name
                        + " does not match its SHA-256 in format.json (the file was damaged or altered)");
            }
        }
    }

    /** A map of these keys and values in this order, so that format.json is the same bytes on every run. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, byte[]> readEntries(Path file) {
        Map<String, byte[]> entries = new HashMap<>();
        boolean complete;
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entries.size() == MAX_ENTRIES) {
                    throw new BundleException(file + ": not a model bundle (more than " + MAX_ENTRIES + " entries)");
                }
                byte[] bytes = zip.readNBytes((int) (MAX_TOTAL_BYTES - total) + 1);
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new BundleException(file + ": not a model bundle, or a damaged one (its entries hold more than "
                            + (MAX_TOTAL_BYTES >> 20) + " MiB, at " + entry.getName() + ")");
                }
                entries.put(entry.getName(), bytes);
            }
            complete = ZipEnd.present(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(file + ": no such file");
        } catch (EOFException e) {
            throw new BundleException(file + ": " + TRUNCATED + " (unexpected end of zip data)", e);
        } catch (ZipException e) {
            throw new BundleException(file + ": not a model bundle, or a damaged one (not a valid zip file: " + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) { // ZipInputStream's answer to an entry name that is not valid UTF-8
            throw new BundleException(file + ": not a model bundle, or a damaged one (an entry name is not valid UTF-8)", e);
        } catch (IOException e) {
            throw new BundleException(file + ": cannot read: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
        if (entries.isEmpty()) {
            throw new BundleException(file + ": not an lstm4j model bundle (empty or not a zip file)");
        }
        if (!complete) {
            throw new BundleException(file + ": " + TRUNCATED + " (no end of zip directory)");
        }
        return entries;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
