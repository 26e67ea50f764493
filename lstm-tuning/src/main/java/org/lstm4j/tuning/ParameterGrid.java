package org.lstm4j.tuning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.lstm4j.api.TuningSpec;

/**
 * The search space of {@code tuning.parameters}: dotted experiment paths, each with its candidate values,
 * in the order given. An <em>assignment</em> maps every path to one of its candidates, in the same order.
 *
 * <p>Assignments are numbered in cartesian order with the <b>last</b> path varying fastest: for
 * {@code a: [1, 2], b: [x, y]} the grid is {@code {a=1,b=x}, {a=1,b=y}, {a=2,b=x}, {a=2,b=y}}. No paths
 * at all is a grid of one empty assignment (the experiment as written).
 */
public final class ParameterGrid {
    private final Map<String, List<Object>> parameters;
    private final List<String> names;
    private final long size;

    /**
     * @param parameters dotted path to candidate values; iteration order is kept; every list non-empty
     * @throws IllegalArgumentException naming a path without candidates
     */
    public ParameterGrid(Map<String, List<Object>> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        long count = 1;
        for (Map.Entry<String, List<Object>> e : parameters.entrySet()) {
            List<Object> values = e.getValue();
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("tuning.parameters." + e.getKey() + " has no candidate values");
            }
            copy.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(values)));
            count = Math.multiplyExact(count, values.size());
        }
        this.parameters = Collections.unmodifiableMap(copy);
        this.names = List.copyOf(copy.keySet());
        this.size = count;
    }

    /** The grid of {@code spec.parameters()}. */
    public static ParameterGrid of(TuningSpec spec) {
        return new ParameterGrid(spec.parameters());
    }

    /**
     * The assignments a search over {@code spec} runs: the whole grid for {@code grid}, {@link #sample}
     * of {@code spec.trials()} with {@code seed} for {@code random}.
     *
     * @param spec the tuning section
     * @param seed the experiment's seed
     */
    public static List<Map<String, Object>> assignments(TuningSpec spec, long seed) {
        ParameterGrid grid = of(spec);
        return switch (spec.strategy()) {
            case GRID -> grid.all();
            case RANDOM -> grid.sample(spec.trials(), seed);
        };
    }

    /** The dotted paths, in order. */
    public List<String> names() {
        return names;
    }

    /** The candidate values of every path, in order. */
    public Map<String, List<Object>> parameters() {
        return parameters;
    }

    /** Number of assignments in the grid (the product of the candidate counts). */
    public long size() {
        return size;
    }

    /**
     * The assignment at {@code index} in cartesian order (last path fastest).
     *
     * @param index {@code 0 <= index < size()}
     */
    public Map<String, Object> get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " outside a grid of " + size);
        }
        Object[] picked = new Object[names.size()];
        long rest = index;
        for (int i = names.size() - 1; i >= 0; i--) {
            List<Object> values = parameters.get(names.get(i));
            picked[i] = values.get((int) (rest % values.size()));
            rest /= values.size();
        }
        Map<String, Object> assignment = new LinkedHashMap<>();
        for (int i = 0; i < picked.length; i++) {
            assignment.put(names.get(i), picked[i]);
        }
        return Collections.unmodifiableMap(assignment);
    }

    /**
     * Every assignment, in cartesian order (last path fastest).
     *
     * @throws IllegalArgumentException when the grid has more than {@link Integer#MAX_VALUE} assignments
     */
    public List<Map<String, Object>> all() {
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the grid has " + size + " combinations; use strategy: random");
        }
        List<Map<String, Object>> all = new ArrayList<>((int) size);
        for (long i = 0; i < size; i++) {
            all.add(get(i));
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * {@code min(trials, size())} distinct assignments drawn uniformly from the grid with
     * {@code new java.util.Random(seed)}: grid indices are drawn with {@code nextLong(size())} and a repeat is
     * drawn again. The same seed gives the same assignments in the same order. Asking for at least as many
     * trials as the grid holds gives the whole grid in a random order: a repeated assignment would train the
     * same network with the same seed again, and resuming matches trials by assignment.
     *
     * @param trials number wanted, {@code >= 1}
     * @param seed   seed of the random generator
     */
    public List<Map<String, Object>> sample(int trials, long seed) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, was " + trials);
        }
        int count = (int) Math.min(trials, size);
        Random random = new Random(seed);
        Set<Long> drawn = new LinkedHashSet<>();
        while (drawn.size() < count) {
            drawn.add(random.nextLong(size));
        }
        List<Map<String, Object>> sample = new ArrayList<>(count);
        for (long index : drawn) {
            sample.add(get(index));
        }
        return Collections.unmodifiableList(sample);
    }
}
