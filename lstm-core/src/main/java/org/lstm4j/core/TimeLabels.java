package org.lstm4j.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Extends a series' time labels past its last row, when they are regular. */
final class TimeLabels {
    private TimeLabels() {}

    /**
     * The labels of the {@code steps} rows after {@code labels}: numbers or ISO dates/date-times continue at the
     * distance of the last two rows (whole months for month starts); anything else becomes {@code t+k}.
     */
    static List<String> extend(List<String> labels, int steps) {
        List<String> out = new ArrayList<>(steps);
        if (labels != null && labels.size() >= 2) {
            String previous = labels.get(labels.size() - 2);
            String last = labels.get(labels.size() - 1);
            if (numbers(previous, last, steps, out) || dates(previous, last, steps, out) || dateTimes(previous, last, steps, out)) {
                return out;
            }
        }
        out.clear();
        for (int k = 1; k <= steps; k++) {
            out.add("t+" + k);
        }
        return out;
    }

    private static boolean numbers(String previous, String last, int steps, List<String> out) {
        try {
            double a = Double.parseDouble(previous);
            double b = Double.parseDouble(last);
            boolean integral = !last.contains(".") && !last.contains("e") && !last.contains("E");
            for (int k = 1; k <= steps; k++) {
                double value = b + k * (b - a);
                out.add(integral ? Long.toString(Math.round(value)) : Double.toString(value));
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean dates(String previous, String last, int steps, List<String> out) {
        try {
            LocalDate a = LocalDate.parse(previous);
            LocalDate b = LocalDate.parse(last);
            Period period = Period.between(a, b);
            boolean monthly = a.getDayOfMonth() == b.getDayOfMonth() && period.getDays() == 0 && period.toTotalMonths() > 0;
            long days = ChronoUnit.DAYS.between(a, b);
            for (int k = 1; k <= steps; k++) {
                out.add((monthly ? b.plusMonths(k * period.toTotalMonths()) : b.plusDays(k * days)).toString());
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean dateTimes(String previous, String last, int steps, List<String> out) {
        try {
            LocalDateTime a = LocalDateTime.parse(previous.replace(' ', 'T'));
            LocalDateTime b = LocalDateTime.parse(last.replace(' ', 'T'));
            long seconds = ChronoUnit.SECONDS.between(a, b);
            for (int k = 1; k <= steps; k++) {
                out.add(b.plusSeconds(k * seconds).toString());
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** {@code labels} followed by their {@link #extend extension} of {@code steps} labels. */
    static List<String> extendAppended(List<String> labels, int steps) {
        List<String> out = new ArrayList<>(labels);
        out.addAll(extend(labels, steps));
        return out;
    }
}
