package org.lstm4j.core.many;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesDirectoriesTest {
    @Test
    void safeIdsAreTheirOwnNamesAndEveryOtherIdStaysInsideSeriesAndApart() {
        List<String> ids = List.of("store_1-item.2", "../../etc/passwd", "..", ".", ".hidden", "a/b", "a\\b", "a b", "Case",
                "case", "x".repeat(200), "é");
        Map<String, String> names = SeriesDirectories.of(ids);
        assertThat(names.get("store_1-item.2")).isEqualTo("store_1-item.2");
        Path root = Path.of("/run/series");
        for (String id : ids) {
            String name = names.get(id);
            assertThat(name).as(id).matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,72}");
            assertThat(root.resolve(name).normalize().getParent()).as(id).isEqualTo(root);
        }
        assertThat(new HashSet<>(names.values().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList())).hasSize(ids.size());
        assertThat(names.get("Case")).startsWith("Case-");
        assertThat(names.get("a/b")).startsWith("a_b-").isNotEqualTo(names.get("a\\b"));
        assertThat(SeriesDirectories.of(ids)).isEqualTo(names);
    }

    @Test
    void theSeedOfASeriesDependsOnTheExperimentSeedAndTheIdOnly() {
        assertThat(SeriesSeeds.of(7, "a")).isEqualTo(SeriesSeeds.of(7, "a"))
                .isNotEqualTo(SeriesSeeds.of(7, "b")).isNotEqualTo(SeriesSeeds.of(8, "a"));
        // the documented derivation, computed outside Java: printf '7:a' | sha256sum  ->  82d9d62baa6a7870...
        assertThat(SeriesSeeds.of(7, "a")).isEqualTo(0x82d9d62baa6a7870L);
    }
}
