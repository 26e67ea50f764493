package org.lstm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.lstm4j.core.remote.DirectoryFiles;

/**
 * Asserts that two run directories hold the same run: the same files, byte for byte, but for what measures time
 * ({@code seconds} columns, {@code *_seconds} and where-it-ran keys of {@code metrics.json}) and the zip entries'
 * timestamps of {@code model.zip} (its entries' contents are compared). Public for lstm-spark's tests, which compare
 * the directories of runs on Spark with those of local runs.
 */
public final class SameRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SameRun() {}

    public static void assertSame(Path actual, Path expected) throws IOException {
        TreeMap<String, byte[]> a = DirectoryFiles.read(actual);
        TreeMap<String, byte[]> e = DirectoryFiles.read(expected);
        assertThat(a.keySet()).as("files of %s", actual).containsExactlyElementsOf(e.keySet());
        for (String name : e.keySet()) {
            String file = Path.of(name).getFileName().toString();
            String what = actual + "/" + name;
            if (file.equals("model.zip")) {
                assertThat(zipEntries(a.get(name))).as(what).containsExactlyEntriesOf(zipEntries(e.get(name)));
            } else if (file.equals("metrics.json")) {
                assertThat(untimed(a.get(name))).as(what).isEqualTo(untimed(e.get(name)));
            } else if (file.endsWith(".csv")) {
                assertThat(withoutSeconds(a.get(name))).as(what).isEqualTo(withoutSeconds(e.get(name)));
            } else {
                assertThat(new String(a.get(name), StandardCharsets.UTF_8)).as(what)
                        .isEqualTo(new String(e.get(name), StandardCharsets.UTF_8));
            }
        }
    }

    /** Each entry's name and contents (hex) of the zip file {@code zip}, by name. */
    static Map<String, String> zipEntries(byte[] zip) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), java.util.HexFormat.of().formatHex(in.readAllBytes()));
            }
        }
        return entries;
    }

    private static JsonNode untimed(byte[] json) throws IOException {
        JsonNode tree = JSON.readTree(json);
        strip(tree);
        return tree;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> drop = new ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                if (name.endsWith("seconds") || name.equals("ran_on") || name.equals("parallelism")) {
                    drop.add(name);
                }
            });
            object.remove(drop);
        }
        node.elements().forEachRemaining(SameRun::strip);
    }

    /** The CSV's lines without its {@code seconds} column. */
    private static List<String> withoutSeconds(byte[] csv) {
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty()) {
            return lines;
        }
        int column = List.of(lines.get(0).split(",", -1)).indexOf("seconds");
        if (column < 0) {
            return lines;
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            if (cells.size() > column) {
                cells.remove(column);
            }
            out.add(String.join(",", cells));
        }
        return out;
    }
}
