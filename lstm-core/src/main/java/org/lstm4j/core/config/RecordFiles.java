package org.lstm4j.core.config;

import java.nio.file.Path;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads any YAML settings file (a server's {@code serve.yaml}, for one) onto a record type with the experiment
 * loader's rules: snake_case keys, defaults from the record's {@code defaults()}, jakarta.validation ranges, tags
 * refused, and every problem of the file reported at once with its line and column.
 */
public final class RecordFiles {
    private RecordFiles() {}

    /**
     * Binds {@code file} onto {@code type}; relative paths in it resolve against the file's directory.
     *
     * @param what     what the document is, for the message when it is not a mapping ("a server configuration")
     * @param defaults the values of keys the file leaves out
     * @throws ConfigException listing every problem found
     */
    public static <R extends Record> R load(Path file, Class<R> type, R defaults, String what) {
        Node root = ExperimentLoader.compose(ExperimentLoader.readText(file), file.toString());
        if (!(root instanceof MappingNode)) {
            throw ConfigException.of(new ConfigProblem(file.toString(), root == null ? 0 : root.getStartMark().getLine() + 1,
                    root == null ? 0 : root.getStartMark().getColumn() + 1, "", what + " is a mapping of keys"));
        }
        SpecBinder binder = new SpecBinder(file.toString(), file.toAbsolutePath().getParent(), ExperimentLoader.VALIDATOR, false);
        R value = binder.bindRoot(type, root, defaults);
        if (!binder.problems().isEmpty()) {
            throw new ConfigException(binder.problems());
        }
        return value;
    }
}
