package org.lstm4j.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One workload's outcome.
 *
 * @param workload   the workload
 * @param lstm4j     lstm4j's figures, or null when it failed
 * @param lstm4jError why lstm4j failed, or null
 * @param torch      PyTorch's figures, or null when not run or failed
 * @param torchError why PyTorch failed, or null
 */
record Result(Workload workload, Map<String, Object> lstm4j, String lstm4jError, Map<String, Object> torch, String torchError) {

    /** A figure as a number, NaN when missing. */
    static double number(Map<String, Object> figures, String key) {
        if (figures == null) {
            return Double.NaN;
        }
        Object v = figures.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** lstm4j / PyTorch for {@code figure}, NaN when either is missing. */
    double ratio(Figure figure) {
        double mine = number(lstm4j, figure.key);
        double theirs = number(torch, figure.key);
        return Double.isFinite(mine) && Double.isFinite(theirs) && theirs > 0 ? mine / theirs : Double.NaN;
    }

    /**
     * One flat JSON object: lstm4j's figures under torch_bench.py's keys, PyTorch's under {@code torch_KEY}
     * ({@code torch_version} for its version), {@code ratio_KEY} = lstm4j / PyTorch, {@code error} /
     * {@code torch_error} for failures.
     */
    Map<String, Object> json() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", workload.id());
        if (lstm4j != null) {
            lstm4j.forEach((k, v) -> {
                if (!k.equals("workload")) {
                    line.put(k, v);
                }
            });
        }
        if (lstm4jError != null) {
            line.put("error", lstm4jError);
        }
        if (torch != null) {
            torch.forEach((k, v) -> {
                if (!k.equals("workload")) {
                    line.put(k.equals("torch") ? "torch_version" : "torch_" + k, v);
                }
            });
            for (Figure f : workload.figures) {
                double r = ratio(f);
                if (!Double.isNaN(r)) {
                    line.put("ratio_" + f.key, r);
                }
            }
        }
        if (torchError != null) {
            line.put("torch_error", torchError);
        }
        return line;
    }
}
