package org.lstm4j.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lstm4j.api.EarlyStoppingSpec.Monitor;
import org.lstm4j.api.EpochResult;
import org.lstm4j.api.SpecNames;
import org.lstm4j.api.TrainingState;
import org.lstm4j.core.CheckpointException.Reason;
import org.lstm4j.tuning.EarlyStopping;
import org.lstm4j.tuning.ReduceLrOnPlateau;

/**
 * One checkpoint file ({@value Checkpointing#FILE}): the trainer's state, the listeners' states and what experiment
 * they belong to. Layout, integers big-endian:
 * <pre>
 * 8 bytes  magic "LSTM4JK1"
 * int32    header length h; h bytes of JSON (UTF-8): format, experiment, spec_sha256, backend, epochs_completed,
 *          learning_rate, train_seconds, history [{epoch, train_loss, val_loss, learning_rate, seconds}],
 *          early_stopping {...} and plateau {...} when the run has them
 * int32    backend state length b; b bytes of the backend's own state
 * 32 bytes SHA-256 of everything before
 * </pre>
 * Doubles are written as Java prints them (they read back bit for bit); NaN and infinities as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. The checksum is checked before anything is parsed, so a
 * truncated or altered file is refused as a whole, in one line naming it.
 *
 * @param experiment    the experiment's name
 * @param specSha256    {@link SpecFingerprint} of the experiment
 * @param backend       the backend's name
 * @param training      the trainer's state
 * @param earlyStopping early stopping's counters, or null when the run has none
 * @param plateau       the plateau schedule's counters, or null when the run has none
 */
record CheckpointFile(String experiment, String specSha256, String backend, TrainingState training,
                      EarlyStopping.State earlyStopping, ReduceLrOnPlateau.State plateau) {
    static final byte[] MAGIC = "LSTM4JK1".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    private static final int DIGEST_BYTES = 32;
    private static final int MIN_BYTES = MAGIC.length + 4 + 4 + DIGEST_BYTES;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes this checkpoint to {@code out}. */
    void write(OutputStream out) throws IOException {
        byte[] header = JSON.writeValueAsBytes(header());
        byte[] state = training.backendState();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(MIN_BYTES + header.length + state.length);
        DataOutputStream data = new DataOutputStream(bytes);
        data.write(MAGIC);
        data.writeInt(header.length);
        data.write(header);
        data.writeInt(state.length);
        data.write(state);
        data.flush();
        byte[] content = bytes.toByteArray();
        out.write(content);
        out.write(Sha256.of(content, content.length));
    }

    /**
     * Reads a checkpoint, checking its magic bytes, lengths, checksum and format version first.
     *
     * @throws CheckpointException {@link Reason#DAMAGED} for a file that is not a whole checkpoint,
     *                             {@link Reason#OTHER_EXPERIMENT} for one of a newer format
     * @throws IOException         when the file cannot be read
     */
    static CheckpointFile read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 64) {
            throw damaged(file, "it is " + size + " bytes, more than a checkpoint can be");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw damaged(file, "it is not an lstm4j checkpoint (no 'LSTM4JK1' at its start)");
        }
        if (bytes.length < MIN_BYTES) {
            throw damaged(file, "it is truncated (" + bytes.length + " bytes)");
        }
        int contentLength = bytes.length - DIGEST_BYTES;
        byte[] stored = Arrays.copyOfRange(bytes, contentLength, bytes.length);
        if (!MessageDigest.isEqual(stored, Sha256.of(bytes, contentLength))) {
            throw damaged(file, "its SHA-256 does not match its content (the file was truncated or altered)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, contentLength);
        buffer.position(MAGIC.length);
        int headerLength = buffer.getInt();
        if (headerLength < 0 || headerLength > buffer.remaining() - 4) {
            throw damaged(file, "its header length " + headerLength + " does not fit the file");
        }
        byte[] header = new byte[headerLength];
        buffer.get(header);
        int stateLength = buffer.getInt();
        if (stateLength != buffer.remaining()) {
            throw damaged(file, "its backend state length " + stateLength + " does not fit the file");
        }
        byte[] state = new byte[stateLength];
        buffer.get(state);
        try {
            return fromHeader(file, JSON.readTree(header), state);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CheckpointException checkpoint) {
                throw checkpoint;
            }
            throw damaged(file, "its header cannot be read: " + e.getMessage());
        }
    }

    private ObjectNode header() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("experiment", experiment);
        root.put("spec_sha256", specSha256);
        root.put("backend", backend);
        root.put("epochs_completed", training.epochsCompleted());
        root.put("learning_rate", training.learningRate());
        root.put("train_seconds", training.trainSeconds());
        ArrayNode history = root.putArray("history");
        for (EpochResult e : training.history()) {
            history.addObject().put("epoch", e.epoch()).put("train_loss", e.trainLoss()).put("val_loss", e.valLoss())
                    .put("learning_rate", e.learningRate()).put("seconds", e.seconds());
        }
        if (earlyStopping != null) {
            root.putObject("early_stopping").put("best", earlyStopping.best())
                    .put("epochs_without_improvement", earlyStopping.epochsWithoutImprovement())
                    .put("best_epoch", earlyStopping.bestEpoch()).put("stopped_epoch", earlyStopping.stoppedEpoch());
        }
        if (plateau != null) {
            root.putObject("plateau").put("watched", plateau.watched() == null ? null : SpecNames.of(plateau.watched()))
                    .put("best", plateau.best()).put("num_bad_epochs", plateau.numBadEpochs())
                    .put("cooldown_counter", plateau.cooldownCounter());
        }
        return root;
    }

    private static CheckpointFile fromHeader(Path file, JsonNode root, byte[] state) {
        int format = required(root, "format").asInt();
        if (format != FORMAT) {
            throw new CheckpointException(file, Reason.OTHER_EXPERIMENT, file + ": the checkpoint has format version "
                    + format + "; this lstm4j reads version " + FORMAT);
        }
        List<EpochResult> history = new ArrayList<>();
        for (JsonNode e : required(root, "history")) {
            history.add(new EpochResult(required(e, "epoch").asInt(), number(e, "train_loss"), number(e, "val_loss"),
                    number(e, "learning_rate"), number(e, "seconds")));
        }
        TrainingState training = new TrainingState(required(root, "epochs_completed").asInt(), history,
                number(root, "learning_rate"), number(root, "train_seconds"), state);
        JsonNode es = root.get("early_stopping");
        EarlyStopping.State earlyStopping = es == null ? null : new EarlyStopping.State(number(es, "best"),
                required(es, "epochs_without_improvement").asInt(), required(es, "best_epoch").asInt(),
                required(es, "stopped_epoch").asInt());
        JsonNode p = root.get("plateau");
        ReduceLrOnPlateau.State plateau = p == null ? null : new ReduceLrOnPlateau.State(monitor(p.get("watched")),
                number(p, "best"), required(p, "num_bad_epochs").asInt(), required(p, "cooldown_counter").asInt());
        return new CheckpointFile(required(root, "experiment").asText(), required(root, "spec_sha256").asText(),
                required(root, "backend").asText(), training, earlyStopping, plateau);
    }

    private static Monitor monitor(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return Monitor.valueOf(node.asText().toUpperCase(java.util.Locale.ROOT));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    /** A double as {@link #header()} wrote it: a number, or the string of NaN or an infinity. */
    private static double number(JsonNode node, String field) {
        JsonNode value = required(node, field);
        return value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asText());
    }

    private static CheckpointException damaged(Path file, String why) {
        return new CheckpointException(file, Reason.DAMAGED, file + ": damaged checkpoint: " + why
                + "; delete it to start the run again");
    }
}
