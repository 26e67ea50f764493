package org.lstm4j.spark;

/** Spark's exceptions (a stage failure's message holds the executor's whole stack trace) as one line. */
final class SparkMessages {
    private SparkMessages() {}

    /**
     * The message of the innermost cause that has one, first line only; for a task's failure that is the exception
     * the task threw, as "IllegalStateException: boom".
     */
    static String oneLine(Throwable e) {
        Throwable chosen = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                chosen = t;
            }
        }
        String message = chosen.getMessage() == null ? "" : chosen.getMessage().strip();
        int newline = message.indexOf('\n');
        String first = (newline < 0 ? message : message.substring(0, newline)).strip();
        String name = chosen.getClass().getSimpleName();
        return first.isEmpty() ? name : chosen == e && name.equals("SparkException") ? first : name + ": " + first;
    }
}
