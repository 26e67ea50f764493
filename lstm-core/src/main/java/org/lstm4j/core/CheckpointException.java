package org.lstm4j.core;

import java.nio.file.Path;

/**
 * A run cannot start or continue because of its checkpoint: there is none to resume, it is damaged, it is of another
 * experiment, or one is there and the run was not asked to resume. The message is one line naming the file.
 */
public class CheckpointException extends RuntimeException {
    private final Path file;
    private final Reason reason;

    /**
     * @param file    the checkpoint file (or the directory where it is missing)
     * @param reason  what is wrong
     * @param message one line, starting with the file
     */
    public CheckpointException(Path file, Reason reason, String message) {
        super(message);
        this.file = file;
        this.reason = reason;
    }

    /** The checkpoint file concerned. */
    public Path file() {
        return file;
    }

    /** What is wrong. */
    public Reason reason() {
        return reason;
    }

    /** What is wrong with a checkpoint. */
    public enum Reason {
        /** Resuming was asked but there is no checkpoint. */
        MISSING,
        /** A checkpoint is there but the run was asked to start from the seed. */
        PRESENT,
        /** The file is not a checkpoint, is truncated, or its checksum does not match. */
        DAMAGED,
        /** The checkpoint is of another experiment, backend or format version. */
        OTHER_EXPERIMENT
    }
}
