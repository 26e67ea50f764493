package org.lstm4j.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Whether and where a run keeps checkpoints, and whether it continues from one: what
 * {@link Experiment#run(org.lstm4j.api.ExperimentSpec, org.lstm4j.api.TrainingListener, Checkpointing)} takes.
 * The checkpoint is the file {@value #FILE} in {@code directory}; how often it is written is the experiment's
 * {@code training.checkpoint.every_epochs}.
 *
 * <pre>{@code
 * Path work = RunDirectory.partialOf(Path.of("runs/sine"));           // runs/sine.partial
 * ExperimentResult result = Experiment.run(spec, TrainingListener.NONE,
 *         Checkpointing.in(work).withResume(Checkpointing.Resume.REQUIRED));  // continue a killed run
 * RunDirectory.write(result, Path.of("runs/sine"));                    // the checkpoint goes, runs/sine appears
 * }</pre>
 *
 * @param directory where the checkpoint is kept, or {@code null} for none
 * @param resume    what to do with a checkpoint already there
 */
public record Checkpointing(Path directory, Resume resume) {
    /** The checkpoint's file name in {@link #directory()}. */
    public static final String FILE = "checkpoint.lstm4j";

    public Checkpointing {
        Objects.requireNonNull(resume, "resume");
        if (directory == null && resume != Resume.NO) {
            throw new IllegalArgumentException("resuming needs the directory of the checkpoint");
        }
    }

    /** What a run does with a checkpoint it finds. */
    public enum Resume {
        /** Start from the seed; a checkpoint already there is refused ({@link CheckpointException.Reason#PRESENT}). */
        NO,
        /** Continue from the checkpoint, which must be there and be of this experiment. */
        REQUIRED,
        /**
         * Continue from the checkpoint when one of this experiment is there; start from the seed otherwise (a
         * damaged checkpoint or one of another experiment is then replaced): how a search resumes its trials.
         */
        IF_POSSIBLE
    }

    /** No checkpoints: the run is neither saved along the way nor resumed. */
    public static Checkpointing off() {
        return new Checkpointing(null, Resume.NO);
    }

    /** Checkpoints in {@code directory} (created when needed), starting from the seed. */
    public static Checkpointing in(Path directory) {
        return new Checkpointing(Objects.requireNonNull(directory, "directory"), Resume.NO);
    }

    /** The same directory with another resume policy. */
    public Checkpointing withResume(Resume value) {
        return new Checkpointing(directory, value);
    }

    /** Whether checkpoints are kept at all. */
    public boolean enabled() {
        return directory != null;
    }

    /** The checkpoint file, {@code directory/}{@value #FILE}. */
    public Path file() {
        if (directory == null) {
            throw new IllegalStateException("no checkpoint directory");
        }
        return directory.resolve(FILE);
    }
}
