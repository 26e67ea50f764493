package org.lstm4j.core.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.lstm4j.core.AtomicFiles;
import org.lstm4j.core.RunDirectory;

/**
 * A directory's files as bytes, keyed by their path inside it ({@code /}-separated): how a run directory written
 * in a remote process reaches the driver, which writes it again byte for byte.
 */
public final class DirectoryFiles {
    private DirectoryFiles() {}

    /** Every regular file under {@code directory}, sorted by path. */
    public static TreeMap<String, byte[]> read(Path directory) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.filter(Files::isRegularFile).toList();
        }
        for (Path path : paths) {
            files.put(directory.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/"),
                    Files.readAllBytes(path));
        }
        return files;
    }

    /**
     * Writes {@code files} as the directory {@code directory}: into {@code directory.partial} first, renamed into
     * place when complete (what was at {@code directory} is replaced), so a killed driver leaves no half-written one.
     *
     * @throws IOException when a key would leave the directory
     */
    public static void write(TreeMap<String, byte[]> files, Path directory) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        Path partial = RunDirectory.partialOf(target);
        RunDirectory.deleteRecursively(partial);
        for (var file : files.entrySet()) {
            Path path = partial.resolve(file.getKey()).normalize();
            if (!path.startsWith(partial) || path.equals(partial)) {
                throw new IOException("'" + file.getKey() + "' is not a file inside " + target);
            }
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        Files.createDirectories(partial);
        RunDirectory.deleteRecursively(target);
        AtomicFiles.move(partial, target);
    }
}
