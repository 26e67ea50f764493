package org.lstm4j.tuning;

import java.util.Locale;

/** How a trial ended; written to {@code trials.csv} as {@code ok} or {@code failed}. */
public enum TrialStatus {
    /** Finished with a finite metric. */
    OK,
    /** Threw, or reported a NaN or infinite metric. */
    FAILED;

    /** The spelling in {@code trials.csv}: {@code ok}, {@code failed}. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #csvName()}. */
    public static TrialStatus ofCsvName(String text) {
        for (TrialStatus status : values()) {
            if (status.csvName().equals(text)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be ok or failed, was '" + text + "'");
    }
}
