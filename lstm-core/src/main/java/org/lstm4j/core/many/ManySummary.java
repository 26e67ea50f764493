package org.lstm4j.core.many;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The overall numbers of a many-series run, computed from its rows: mean and median skill over the trained series
 * whose skill is finite (the mean summed in the rows' order), and the share of trained series that beat the naive forecast.
 *
 * @param series         series in the file
 * @param trained        series trained
 * @param skipped        series skipped (unusable with the settings)
 * @param failed         series whose training failed
 * @param meanSkill      mean skill of the trained series ({@code NaN} with none)
 * @param medianSkill    median skill of the trained series ({@code NaN} with none)
 * @param beatNaive      trained series with skill above 0
 * @param beatNaiveShare {@code beatNaive / trained} ({@code NaN} with none trained)
 */
public record ManySummary(int series, int trained, int skipped, int failed, double meanSkill, double medianSkill,
                          int beatNaive, double beatNaiveShare) {

    /** The summary of {@code rows}. */
    public static ManySummary of(List<SeriesRow> rows) {
        int trained = count(rows, SeriesStatus.TRAINED);
        double[] skills = rows.stream().filter(r -> r.status() == SeriesStatus.TRAINED && Double.isFinite(r.skill()))
                .mapToDouble(SeriesRow::skill).toArray();
        double sum = 0;
        for (double skill : skills) { // in the rows' order, plainly: what a reader of metrics.csv computes
            sum += skill;
        }
        double mean = skills.length == 0 ? Double.NaN : sum / skills.length;
        Arrays.sort(skills);
        double median = skills.length == 0 ? Double.NaN : skills.length % 2 == 1 ? skills[skills.length / 2]
                : (skills[skills.length / 2 - 1] + skills[skills.length / 2]) / 2;
        int beat = (int) rows.stream().filter(SeriesRow::beatsNaive).count();
        return new ManySummary(rows.size(), trained, count(rows, SeriesStatus.SKIPPED), count(rows, SeriesStatus.FAILED),
                mean, median, beat, trained == 0 ? Double.NaN : (double) beat / trained);
    }

    private static int count(List<SeriesRow> rows, SeriesStatus status) {
        return (int) rows.stream().filter(r -> r.status() == status).count();
    }

    /** The {@code summary} object of the run's {@code metrics.json} ({@code null} for what cannot be computed). */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("series", series);
        tree.put("trained", trained);
        tree.put("skipped", skipped);
        tree.put("failed", failed);
        tree.put("mean_skill", finite(meanSkill));
        tree.put("median_skill", finite(medianSkill));
        tree.put("beat_naive", beatNaive);
        tree.put("beat_naive_share", finite(beatNaiveShare));
        return tree;
    }

    /** The printed summary, two lines. */
    public String describe() {
        String counts = "series: " + series + " (" + trained + " trained, " + skipped + " skipped, " + failed + " failed)\n";
        if (trained == 0) {
            return counts + "skill vs naive: no series trained\n";
        }
        return counts + String.format(java.util.Locale.ROOT, "skill vs naive: mean %.3f, median %.3f; %d of %d trained "
                + "series (%.0f%%) beat naive%n", meanSkill, medianSkill, beatNaive, trained, 100 * beatNaiveShare);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
