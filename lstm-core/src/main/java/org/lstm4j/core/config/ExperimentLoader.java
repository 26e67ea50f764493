package org.lstm4j.core.config;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.OutputSpec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an experiment YAML file (or the JSON stored in a bundle) into an {@link ExperimentSpec},
 * reporting every problem of the file at once with its line and column.
 *
 * <p>The document is only <em>composed</em> into a node tree; no object is ever constructed from a
 * tag, so a document such as {@code !!javax.script.ScriptEngineManager [...]} instantiates nothing
 * and is refused.
 */
public final class ExperimentLoader {
    static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new SpecMessageInterpolator()).buildValidatorFactory().getValidator();

    private ExperimentLoader() {}

    /** Limits on a document, so that no YAML can exhaust memory or time: characters (and bytes of a file). */
    static final int MAX_DOCUMENT_CHARS = 1 << 20;
    /** Nesting of mappings and sequences; an experiment needs 4. */
    static final int MAX_NESTING = 32;
    /** Aliases to collections (the "billion laughs" attack). */
    static final int MAX_ALIASES = 20;

    /** A bound, fully checked experiment with the locations of its keys. */
    public record Loaded(ExperimentSpec spec, Locations locations) {}

    /**
     * Loads and checks {@code file}: syntax, keys, types, ranges, referenced files and columns, and
     * settings whose feature is not available yet.
     *
     * @throws ConfigException listing every problem found
     */
    public static Loaded load(Path file) {
        return load(readText(file), file.toString(), file.toAbsolutePath().getParent(), defaultName(file));
    }

    /** The file's text, or a {@link ConfigException} naming the file when it is missing, unreadable or too large. */
    static String readText(Path file) {
        try {
            if (Files.size(file) > MAX_DOCUMENT_CHARS) {
                throw ConfigException.of(new ConfigProblem(file.toString(), 0, 0, "", "the file has " + Files.size(file)
                        + " bytes; an experiment file may have at most " + MAX_DOCUMENT_CHARS));
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw ConfigException.of(new ConfigProblem(file.toString(), 0, 0, "", "no such file"));
        } catch (IOException e) {
            throw ConfigException.of(new ConfigProblem(file.toString(), 0, 0, "", "cannot read: " + e.getMessage()));
        }
    }

    /**
     * Loads and checks a YAML document as {@link #load(Path)} checks a file.
     *
     * @param text        the document
     * @param sourceName  how problems name the document
     * @param baseDir     relative paths (CSV files, the output directory) are resolved against this directory
     * @param defaultName the experiment name when the document has none
     * @throws ConfigException listing every problem found
     */
    public static Loaded load(String text, String sourceName, Path baseDir, String defaultName) {
        Loaded loaded = bind(text, sourceName, baseDir, defaultName, true);
        List<ConfigProblem> problems = new ArrayList<>(ExperimentChecks.check(loaded.spec(), loaded.locations()));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return loaded;
    }

    /**
     * Binds a YAML or JSON document without checking files, columns or feature availability.
     *
     * @param text        the document
     * @param sourceName  how problems name the document
     * @param baseDir     relative paths are resolved against this directory
     * @param defaultName the experiment name when the document has none
     * @throws ConfigException listing every problem found
     */
    public static Loaded bind(String text, String sourceName, Path baseDir, String defaultName) {
        return bind(text, sourceName, baseDir, defaultName, false);
    }

    private static Loaded bind(String text, String sourceName, Path baseDir, String defaultName, boolean checkFiles) {
        Node root = compose(text, sourceName);
        if (!(root instanceof MappingNode)) {
            throw ConfigException.of(new ConfigProblem(sourceName, root == null ? 0 : line(root.getStartMark()),
                    root == null ? 0 : root.getStartMark().getColumn() + 1, "",
                    "an experiment is a mapping of keys (version, name, data, model, training, ...)"));
        }
        SpecBinder binder = new SpecBinder(sourceName, baseDir, VALIDATOR, checkFiles);
        ExperimentSpec defaults = ExperimentSpec.defaults().withName(defaultName)
                .withOutput(OutputSpec.defaults().withDir(baseDir.resolve(OutputSpec.defaults().dir()).normalize()));
        ExperimentSpec spec = binder.bindRoot(ExperimentSpec.class, root, defaults);
        if (!binder.problems().isEmpty()) {
            throw new ConfigException(binder.problems());
        }
        return new Loaded(spec, binder.locations());
    }

    static Node compose(String text, String sourceName) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        options.setNestingDepthLimit(MAX_NESTING);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try (Reader reader = new StringReader(text)) {
            return yaml.compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String message = what.startsWith("Global tag is not allowed")
                    ? "global tag refused (an experiment holds plain values only): " + what.substring(what.indexOf(':') + 1).trim()
                    : "YAML syntax error: " + what;
            throw ConfigException.of(new ConfigProblem(sourceName, mark == null ? 0 : line(mark),
                    mark == null ? 0 : mark.getColumn() + 1, "", message));
        } catch (YAMLException | IOException e) {
            throw ConfigException.of(new ConfigProblem(sourceName, 0, 0, "", "YAML error: " + e.getMessage()));
        }
    }

    private static int line(Mark mark) {
        return mark.getLine() + 1;
    }

    private static String defaultName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
