package org.lstm4j.core.config;

import java.util.ArrayList;
import java.util.List;
import org.lstm4j.api.DataSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.SourceSpec;
import org.lstm4j.core.RunChecks;
import org.lstm4j.core.TuningMetric;

/** Checks of a bound experiment that span several keys: the data source and feature availability. */
final class ExperimentChecks {
    private ExperimentChecks() {}

    /** Every problem of {@code spec}, located through {@code at}. CSV columns are checked while binding. */
    static List<ConfigProblem> check(ExperimentSpec spec, Locations at) {
        List<ConfigProblem> problems = new ArrayList<>();
        DataSpec data = spec.data();
        if (data.source() == null) {
            problems.add(at.problem("data.source", "missing: give data.source.csv (a CSV file) or data.synthetic"));
        } else if (data.source() instanceof SourceSpec.Synthetic && data.target() != null
                && !data.target().equals(SourceSpec.Synthetic.COLUMN)) {
            problems.add(at.problem("data.target", "a synthetic series has one column, '" + SourceSpec.Synthetic.COLUMN
                    + "'; was '" + data.target() + "'"));
        }
        RunChecks.problems(spec).forEach(u -> problems.add(at.problem(u.key(), u.message())));
        if (TuningMetric.parse(spec.tuning().metric()).isEmpty()) {
            problems.add(at.problem("tuning.metric", "'" + spec.tuning().metric() + "' is not a metric; use " + TuningMetric.allowed()));
        }
        return problems;
    }
}
