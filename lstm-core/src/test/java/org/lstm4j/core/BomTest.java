package org.lstm4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** lstm4j-bom lists every published lstm4j artifact at the reactor's version, and inherits nothing. */
class BomTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private static String version(String pom) {
        Matcher m = Pattern.compile("</(?:parent|artifactId)>\\s*(?:<!--.*?-->\\s*)?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(pom.replaceAll("(?s)<parent>.*?</parent>", ""));
        return m.find() ? m.group(1) : "";
    }

    @Test
    void listsEveryLibraryModuleAtTheReactorsVersion() throws IOException {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("lstm4j-bom/pom.xml"));
        assertThat(version(bom)).isEqualTo(version(root)).isNotEmpty();
        assertThat(bom).doesNotContain("<parent>");
        List<String> libraries = MODULE.matcher(root).results().map(r -> r.group(1)).filter(m -> m.startsWith("lstm-")).toList();
        assertThat(libraries).contains("lstm-api", "lstm-data", "lstm-tuning", "lstm-dl4j", "lstm-core", "lstm-cli");
        String consumer = Files.readString(ROOT.resolve("examples/consumer/pom.xml"));
        assertThat(consumer).as("examples/consumer imports the BOM of this version")
                .contains("<artifactId>lstm4j-bom</artifactId>\n        <version>" + version(root) + "</version>");
        for (String module : libraries) {
            assertThat(bom).as("lstm4j-bom manages %s", module)
                    .contains("<groupId>org.lstm4j</groupId><artifactId>" + module + "</artifactId><version>${project.version}</version>");
        }
    }
}
