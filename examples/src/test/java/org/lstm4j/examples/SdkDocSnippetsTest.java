package org.lstm4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every code block of docs/sdk.md preceded by {@code <!-- snippet: FILE#REGION -->} equals that region of the file
 * (between {@code region: REGION} and {@code endregion} comment lines, indentation removed). The files are the
 * consumer project's, which CI compiles and runs: the guide's code is code that works.
 */
class SdkDocSnippetsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->\\n```\\w*\\n(.*?)```", Pattern.DOTALL);

    record Snippet(String file, String region, String text) {}

    static List<Snippet> snippets(String markdown) {
        List<Snippet> found = new ArrayList<>();
        Matcher m = SNIPPET.matcher(markdown);
        while (m.find()) {
            found.add(new Snippet(m.group(1), m.group(2), m.group(3)));
        }
        return found;
    }

    /** The lines between the region's start and end comments, with their common indentation removed. */
    static String region(String source, String name) {
        List<String> lines = source.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*(//|<!--) region: " + Pattern.quote(name) + "( -->)?\\s*")) {
                start = i + 1;
            } else if (start >= 0 && lines.get(i).matches("\\s*(//|<!--) endregion( -->)?\\s*")) {
                List<String> body = lines.subList(start, i);
                int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                        .min().orElse(0);
                StringBuilder out = new StringBuilder();
                body.forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
                return out.toString();
            }
        }
        throw new AssertionError("no region '" + name + "'");
    }

    @Test
    void everySnippetEqualsItsRegionInTheConsumerProject() throws IOException {
        List<Snippet> snippets = snippets(Files.readString(ROOT.resolve("docs/sdk.md")));
        assertThat(snippets).extracting(Snippet::region).contains("bom", "dependencies", "run", "close");
        for (Snippet snippet : snippets) {
            assertThat(snippet.file()).startsWith("examples/consumer/");
            String source = Files.readString(ROOT.resolve(snippet.file()));
            assertThat(snippet.text()).as("docs/sdk.md's copy of %s#%s", snippet.file(), snippet.region())
                    .isEqualTo(region(source, snippet.region()));
        }
    }

    @Test
    void aChangedSnippetIsCaught() {
        String source = "a\n    // region: x\n    int y = 1;\n      z();\n    // endregion\n";
        assertThat(region(source, "x")).isEqualTo("int y = 1;\n  z();\n");
        List<Snippet> parsed = snippets("<!-- snippet: examples/consumer/F.java#x -->\n```java\nint y = 2;\n```\n");
        assertThat(parsed).singleElement().extracting(Snippet::text).isNotEqualTo(region(source, "x"));
    }
}
