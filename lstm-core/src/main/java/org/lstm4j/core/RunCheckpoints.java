package org.lstm4j.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.lstm4j.api.CheckpointSpec;
import org.lstm4j.api.ExperimentSpec;
import org.lstm4j.api.SchedulerSpec;
import org.lstm4j.api.TrainingCheckpoints;
import org.lstm4j.api.TrainingListener;
import org.lstm4j.api.TrainingState;
import org.lstm4j.core.CheckpointException.Reason;
import org.lstm4j.tuning.EarlyStopping;
import org.lstm4j.tuning.ReduceLrOnPlateau;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one run in its {@link Checkpointing#file()}: each save writes the trainer's state with the
 * schedule's and early stopping's counters of the same moment, atomically (a temporary file in the same directory,
 * then a move), so a kill leaves the previous checkpoint or the new one, never half of one. Opening it for a resume
 * checks the file and gives those listeners their counters back before training starts.
 */
final class RunCheckpoints implements TrainingCheckpoints {
    private static final Logger LOG = LoggerFactory.getLogger(RunCheckpoints.class);
    private final Path file;
    private final CheckpointSpec every;
    private final ExperimentSpec spec;
    private final String fingerprint;
    private final String backend;
    private final ReduceLrOnPlateau plateau;
    private final EarlyStopping earlyStopping;
    private final TrainingState resumeFrom;

    private RunCheckpoints(Path file, ExperimentSpec spec, String fingerprint, String backend, TrainingListener schedule,
                           EarlyStopping earlyStopping, TrainingState resumeFrom) {
        this.file = file;
        this.every = spec.training().checkpoint();
        this.spec = spec;
        this.fingerprint = fingerprint;
        this.backend = backend;
        this.plateau = schedule instanceof ReduceLrOnPlateau p ? p : null;
        this.earlyStopping = earlyStopping;
        this.resumeFrom = resumeFrom;
    }

    /**
     * The checkpoints of a run of {@code spec} on {@code backend} with these listeners; when resuming, the
     * checkpoint read and the listeners' counters restored.
     *
     * @throws CheckpointException when the checkpoint there does not fit {@code options.resume()}
     */
    static TrainingCheckpoints open(Checkpointing options, ExperimentSpec spec, String backend, TrainingListener schedule,
                                    EarlyStopping earlyStopping) {
        if (!options.enabled()) {
            return TrainingCheckpoints.NONE;
        }
        Path file = options.file();
        try {
            String fingerprint = SpecFingerprint.of(spec);
            CheckpointFile resume = switch (options.resume()) {
                case NO -> {
                    if (Files.exists(file)) {
                        throw new CheckpointException(file, Reason.PRESENT, file + ": a checkpoint of an unfinished run is "
                                + "there; resume it, or delete it to start again");
                    }
                    yield null;
                }
                case REQUIRED -> {
                    if (!Files.exists(file)) {
                        throw new CheckpointException(file, Reason.MISSING, options.directory() + ": no checkpoint to "
                                + "resume (no " + Checkpointing.FILE + " there)");
                    }
                    yield matching(CheckpointFile.read(file), file, spec, fingerprint, backend);
                }
                case IF_POSSIBLE -> {
                    try {
                        yield Files.exists(file) ? matching(CheckpointFile.read(file), file, spec, fingerprint, backend) : null;
                    } catch (CheckpointException e) {
                        yield null; // damaged or of another experiment: start afresh, replacing it
                    }
                }
            };
            RunCheckpoints checkpoints = new RunCheckpoints(file, spec, fingerprint, backend, schedule, earlyStopping,
                    resume == null ? null : resume.training());
            if (resume != null) {
                checkpoints.restoreListeners(resume);
            }
            return checkpoints;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the checkpoint: " + e.getMessage(), e);
        }
    }

    private static CheckpointFile matching(CheckpointFile read, Path file, ExperimentSpec spec, String fingerprint,
                                          String backend) {
        if (!read.specSha256().equals(fingerprint)) {
            throw new CheckpointException(file, Reason.OTHER_EXPERIMENT, file + ": the checkpoint is of another experiment"
                    + (read.experiment().equals(spec.name()) ? " (also named '" + spec.name() + "', with other settings or data)"
                            : " ('" + read.experiment() + "', this one is '" + spec.name() + "')")
                    + "; resume with the experiment it was written by, or delete it to start again");
        }
        if (!read.backend().equals(backend)) {
            throw new CheckpointException(file, Reason.OTHER_EXPERIMENT, file + ": the checkpoint was written by the "
                    + read.backend() + " backend, this run uses " + backend);
        }
        boolean plateau = spec.training().scheduler() instanceof SchedulerSpec.Plateau;
        if (plateau != (read.plateau() != null) || spec.training().earlyStopping().enabled() != (read.earlyStopping() != null)) {
            throw new CheckpointException(file, Reason.DAMAGED, file + ": damaged checkpoint: it lacks the state of the "
                    + "schedule or early stopping this experiment has, or has one it lacks; delete it to start the run again");
        }
        if (read.training().epochsCompleted() >= spec.training().epochs()) {
            throw new CheckpointException(file, Reason.OTHER_EXPERIMENT, file + ": the checkpoint is of epoch "
                    + read.training().epochsCompleted() + ", the run has " + spec.training().epochs() + " epochs");
        }
        return read;
    }

    private void restoreListeners(CheckpointFile read) {
        if (plateau != null) {
            plateau.restore(read.plateau());
        }
        if (earlyStopping != null) {
            earlyStopping.restore(read.earlyStopping());
        }
    }

    @Override
    public boolean dueAfter(int epoch) {
        return every.dueAfter(epoch);
    }

    @Override
    public Optional<TrainingState> resumeFrom() {
        return Optional.ofNullable(resumeFrom);
    }

    @Override
    public void save(TrainingState state) {
        CheckpointFile checkpoint = new CheckpointFile(spec.name(), fingerprint, backend, state,
                earlyStopping == null ? null : earlyStopping.state(), plateau == null ? null : plateau.state());
        try {
            long start = System.nanoTime();
            AtomicFiles.write(file, checkpoint::write);
            LOG.debug("checkpoint of epoch {} written to {}: {} bytes in {} ms", state.epochsCompleted(), file,
                    Files.size(file), String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e6));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the checkpoint: " + e.getMessage(), e);
        }
    }
}
