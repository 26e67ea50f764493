package org.lstm4j.core.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file a fuzz test rewrites for each input, deleted when the JVM exits. */
final class FuzzFiles {
    private FuzzFiles() {
    }

    static Path temporary(String suffix) {
        try {
            Path file = Files.createTempFile("lstm4j-fuzz", suffix);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
