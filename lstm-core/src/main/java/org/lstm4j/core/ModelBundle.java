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
import org.lstm4j.data.FittedScaler;

/**
 * The self-contained model file ({@code model.zip}): a format version, the experiment as JSON, the
 * fitted scalers as JSON and the network's raw parameters. No Java serialization anywhere.
 *
 * <pre>
 * format.json      {"format": "lstm4j-bundle", "format_version": 1, "backend": "dl4j", "shape": {...}}
 * experiment.json  the resolved experiment, in the DSL's keys
 * scalers.json     {"column": {fitted scaler}, ...}
 * parameters.bin   the backend's raw parameters
 * </pre>
 */
public final class ModelBundle {
    /** Version of the layout above; bumped on any incompatible change. */
    public static final int FORMAT_VERSION = 1;
    private static final String FORMAT_NAME = "lstm4j-bundle";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_ENTRY_BYTES = 1L << 31;
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
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("format", FORMAT_NAME);
        format.put("format_version", FORMAT_VERSION);
        format.put("backend", backend);
        SampleShape shape = model.spec().data().sampleShape();
        format.put("shape", Map.of("window", shape.window(), "features", shape.features(), "horizon", shape.horizon()));
        format.put("parameter_count", model.model().parameterCount());
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                entry(zip, "format.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(format));
                entry(zip, "experiment.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(SpecWriter.toTree(model.spec())));
                entry(zip, "scalers.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(model.scalers()));
                ByteArrayOutputStream parameters = new ByteArrayOutputStream();
                model.model().writeParameters(parameters);
                entry(zip, "parameters.bin", parameters.toByteArray());
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
        for (String name : new String[] {"format.json", "experiment.json", "scalers.json", "parameters.bin"}) {
            if (!entries.containsKey(name)) {
                throw new BundleException(file + ": not an lstm4j model bundle (no " + name + ")");
            }
        }
        try {
            Map<String, Object> format = JSON.readValue(entries.get("format.json"), new TypeReference<>() {});
            if (!FORMAT_NAME.equals(format.get("format"))) {
                throw new BundleException(file + ": not an lstm4j model bundle (format " + format.get("format") + ")");
            }
            Object version = format.get("format_version");
            if (!(version instanceof Integer v) || v != FORMAT_VERSION) {
                throw new BundleException(file + ": bundle format version " + version + " is not supported; this lstm4j reads version "
                        + FORMAT_VERSION);
            }
            @SuppressWarnings("unchecked")
            Map<String, Integer> shapeTree = (Map<String, Integer>) format.get("shape");
            SampleShape shape = new SampleShape(shapeTree.get("window"), shapeTree.get("features"), shapeTree.get("horizon"));
            ExperimentSpec spec = ExperimentLoader.bind(new String(entries.get("experiment.json"), StandardCharsets.UTF_8),
                    file + "!experiment.json", Path.of("."), "bundle").spec();
            Map<String, FittedScaler> scalers = JSON.readValue(entries.get("scalers.json"), new TypeReference<LinkedHashMap<String, FittedScaler>>() {});
            Backend backend = Backends.named((String) format.get("backend"));
            TrainedModel model;
            try (InputStream parameters = new ByteArrayInputStream(entries.get("parameters.bin"))) {
                model = backend.restore(shape, spec.model(), spec.training(), parameters);
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

    private static Map<String, byte[]> readEntries(Path file) {
        Map<String, byte[]> entries = new HashMap<>();
        boolean complete;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readNBytes((int) Math.min(MAX_ENTRY_BYTES - 1, Integer.MAX_VALUE - 8));
                entries.put(entry.getName(), bytes);
            }
            complete = ZipEnd.present(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(file + ": no such file");
        } catch (EOFException e) {
            throw new BundleException(file + ": " + TRUNCATED + " (unexpected end of zip data)", e);
        } catch (ZipException e) {
            throw new BundleException(file + ": not a model bundle (not a valid zip file: " + e.getMessage() + ")", e);
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
