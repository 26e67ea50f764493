package org.lstm4j.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The trials of a search, ranked: finished trials by ascending metric (ties by trial number), then failed
 * trials by trial number.
 *
 * @param metric        the metric minimised
 * @param parameters    the dotted paths searched, in order
 * @param trials        every trial in {@code trials.csv}, ranked (the constructor sorts)
 * @param trialsRun     trials run by this call
 * @param trialsSkipped trials found finished in {@code trials.csv} and not run again
 */
public record SearchResult(String metric, List<String> parameters, List<TrialResult> trials, int trialsRun, int trialsSkipped) {

    /** The ranking order. */
    public static final Comparator<TrialResult> RANKING = Comparator
            .comparing((TrialResult t) -> !t.ok())
            .thenComparing(t -> t.ok() ? t.metric() : 0.0)
            .thenComparingInt(TrialResult::trial);

    /** Copies and ranks {@code trials}. */
    public SearchResult {
        Objects.requireNonNull(metric, "metric");
        parameters = List.copyOf(parameters);
        List<TrialResult> ranked = new ArrayList<>(trials);
        ranked.sort(RANKING);
        trials = List.copyOf(ranked);
    }

    /** The finished trial with the lowest metric; empty when every trial failed. */
    public Optional<TrialResult> best() {
        return trials.isEmpty() || !trials.get(0).ok() ? Optional.empty() : Optional.of(trials.get(0));
    }

    /** The failed trials, by trial number. */
    public List<TrialResult> failed() {
        return trials.stream().filter(t -> !t.ok()).toList();
    }

    /** The plain-text ranked table for the console; see {@link RankedTable}. */
    public String format() {
        return RankedTable.format(this);
    }
}
