package org.lstm4j.dl4j.internal;

/**
 * How many compute threads ND4J gets, and from where the number came. Precedence: the spec's
 * {@code training.threads}, then system property {@code lstm4j.threads}, then environment variable
 * {@code OMP_NUM_THREADS}, then {@link #DEFAULT}.
 *
 * @param threads the count, at least 1
 * @param source  {@code training.threads}, {@code -Dlstm4j.threads}, {@code OMP_NUM_THREADS} or {@code default}
 */
record ThreadChoice(int threads, String source) {
    /** The system property that overrides the default. */
    public static final String PROPERTY = "lstm4j.threads";
    /** The environment variable ND4J itself reads at start-up. */
    public static final String ENVIRONMENT = "OMP_NUM_THREADS";
    /**
     * One thread: the fastest measured for lstm4j's networks on a 2-core machine, idle and busy (two threads
     * oversubscribe the cores with OpenMP spin-waiting and OpenBLAS threads; see {@code docs/sdk.md}).
     */
    public static final int DEFAULT = 1;

    /**
     * The choice for a spec asking for {@code specThreads} (0: no wish), given the property and environment values
     * (null when unset).
     *
     * @throws IllegalArgumentException when the property is set but not a whole number >= 1
     */
    public static ThreadChoice resolve(int specThreads, String property, String environment) {
        if (specThreads > 0) {
            return new ThreadChoice(specThreads, "training.threads");
        }
        if (property != null && !property.isBlank()) {
            int n = positive(property);
            if (n < 1) {
                throw new IllegalArgumentException("system property " + PROPERTY + " must be a whole number >= 1, was '"
                        + property + "'");
            }
            return new ThreadChoice(n, "-D" + PROPERTY);
        }
        if (environment != null && positive(environment) >= 1) {
            return new ThreadChoice(positive(environment), ENVIRONMENT);
        }
        return new ThreadChoice(DEFAULT, "default");
    }

    /** The choice for this JVM: its system property and environment. */
    public static ThreadChoice resolve(int specThreads) {
        return resolve(specThreads, System.getProperty(PROPERTY), System.getenv(ENVIRONMENT));
    }

    private static int positive(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
