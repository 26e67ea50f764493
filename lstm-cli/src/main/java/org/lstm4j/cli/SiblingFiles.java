package org.lstm4j.cli;

import java.nio.file.Path;

/** Where a command writes by default: beside its input, named after it. */
final class SiblingFiles {
    private SiblingFiles() {
    }

    /**
     * {@code file}'s name without its extension, plus {@code suffix}, in {@code file}'s directory:
     * {@code runs/x/model.zip} with {@code ".onnx"} is {@code runs/x/model.onnx}, with {@code "-int8.zip"}
     * {@code runs/x/model-int8.zip}.
     */
    static Path beside(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
    }
}
