package org.lstm4j.cli.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.lstm4j.api.TrainedModel;
import org.lstm4j.core.FlatWindows;
import org.lstm4j.core.WindowCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic batching for one model, as Triton's dynamic batcher does it: each replica's thread takes the first
 * piece of work waiting, adds what else is queued up to {@code max_batch_size} windows (waiting at most
 * {@code max_queue_delay_ms} counted from when that first piece arrived), runs one forward pass and hands every
 * request its rows. Windows of several requests share a batch; a request of more windows than a batch holds is
 * cut into several. The queue is bounded in windows: {@link #submit} never blocks, it refuses
 * ({@link Overloaded}) when the queue is full.
 */
final class MicroBatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MicroBatcher.class);
    private static final long IDLE_POLL_MILLIS = 50;

    /** The queue has no room: answer 503 with {@code Retry-After}. */
    static final class Overloaded extends Exception {
        Overloaded(String message) {
            super(message, null, false, false);
        }
    }

    /** The batcher stopped taking work (its model was reloaded or unloaded): submit to the current one. */
    static final class Closed extends Exception {
        Closed() {
            super("closed", null, false, false);
        }
    }

    /** One request's windows, scaled, and where their forecasts go. */
    private static final class Job {
        final float[] inputs;
        final double[] lastLevels;
        final double[][] forecasts;
        final AtomicInteger remaining;
        final CompletableFuture<double[][]> done = new CompletableFuture<>();
        final long enqueuedNanos = System.nanoTime();

        Job(float[] inputs, double[] lastLevels, int windows) {
            this.inputs = inputs;
            this.lastLevels = lastLevels;
            this.forecasts = new double[windows][];
            this.remaining = new AtomicInteger(windows);
        }
    }

    /** Windows {@code from .. from + count} of a job. */
    private record Piece(Job job, int from, int count) {}

    private final String model;
    private final WindowCodec codec;
    private final int maxBatchSize;
    private final long maxDelayNanos;
    private final int capacity;
    private final ServeMetrics metrics;
    private final LinkedBlockingDeque<Piece> queue = new LinkedBlockingDeque<>();
    private final Semaphore room;
    private final ReentrantLock assembling = new ReentrantLock();
    private final Object state = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    MicroBatcher(String model, List<TrainedModel> replicas, WindowCodec codec, ModelSettings settings, ServeMetrics metrics) {
        this.model = model;
        this.codec = codec;
        this.maxBatchSize = settings.maxBatchSize();
        this.maxDelayNanos = TimeUnit.MILLISECONDS.toNanos(settings.maxQueueDelayMs());
        this.capacity = settings.queueCapacity();
        this.room = new Semaphore(capacity);
        this.metrics = metrics;
        for (int r = 0; r < replicas.size(); r++) {
            TrainedModel replica = replicas.get(r);
            Thread worker = new Thread(() -> work(replica), "lstm-serve-" + model + "-" + r);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
    }

    /** Most windows one request may hold. */
    int capacity() {
        return capacity;
    }

    /** Windows waiting for a replica. */
    int queuedWindows() {
        return capacity - room.availablePermits();
    }

    /**
     * Queues {@code windows} scaled windows.
     *
     * @param inputs     {@code windows * window * features} scaled values (see {@link WindowCodec#encode})
     * @param lastLevels each window's last target level
     * @return their forecasts in the data's units, once computed
     * @throws Overloaded when the queue has no room for them
     * @throws Closed     when this batcher no longer takes work
     */
    CompletableFuture<double[][]> submit(float[] inputs, double[] lastLevels, int windows) throws Overloaded, Closed {
        if (windows > capacity) {
            throw new IllegalArgumentException("the request has " + windows + " windows; this model queues at most " + capacity);
        }
        Job job = new Job(inputs, lastLevels, windows);
        synchronized (state) {
            if (closed) {
                throw new Closed();
            }
            if (!room.tryAcquire(windows)) {
                throw new Overloaded("model '" + model + "' is overloaded: " + queuedWindows() + " of " + capacity
                        + " queued windows; retry shortly");
            }
            for (int from = 0; from < windows; from += maxBatchSize) {
                queue.addLast(new Piece(job, from, Math.min(maxBatchSize, windows - from)));
            }
        }
        return job.done;
    }

    /** Takes no more work; the replicas finish what is queued and stop. Returns at once. */
    void close() {
        synchronized (state) {
            closed = true;
        }
    }

    /** Waits until the replicas have finished everything queued before {@link #close}. */
    boolean awaitDrained(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (Thread worker : workers) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            worker.join(left);
            if (worker.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void work(TrainedModel replica) {
        try {
            while (true) {
                List<Piece> batch = nextBatch();
                if (batch == null) {
                    return;
                }
                if (!batch.isEmpty()) {
                    run(replica, batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next batch; empty when nothing arrived for a while; null once closed and drained. */
    private List<Piece> nextBatch() throws InterruptedException {
        assembling.lockInterruptibly();
        try {
            Piece first = queue.pollFirst(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (first == null) {
                return closed && queue.isEmpty() ? null : List.of();
            }
            List<Piece> batch = new ArrayList<>();
            batch.add(first);
            int windows = first.count();
            long deadline = first.job().enqueuedNanos + maxDelayNanos;
            while (windows < maxBatchSize) {
                Piece next = queue.pollFirst();
                if (next == null && maxDelayNanos > 0) {
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        next = queue.pollFirst(left, TimeUnit.NANOSECONDS);
                    }
                }
                if (next == null) {
                    break;
                }
                if (windows + next.count() > maxBatchSize) {
                    queue.addFirst(next);
                    break;
                }
                batch.add(next);
                windows += next.count();
            }
            return batch;
        } finally {
            assembling.unlock();
        }
    }

    private void run(TrainedModel replica, List<Piece> batch) {
        int window = codec.window();
        int features = codec.features();
        int stride = window * features;
        int windows = batch.stream().mapToInt(Piece::count).sum();
        long started = System.nanoTime();
        for (Piece piece : batch) {
            metrics.queueWait(model, (started - piece.job().enqueuedNanos) / 1e9);
        }
        metrics.batch(model, windows);
        try {
            float[] inputs = new float[windows * stride];
            int at = 0;
            for (Piece piece : batch) {
                System.arraycopy(piece.job().inputs, piece.from() * stride, inputs, at * stride, piece.count() * stride);
                at += piece.count();
            }
            double[][] scaled = replica.predict(new FlatWindows(inputs, windows, window, features, codec.horizon()));
            at = 0;
            for (Piece piece : batch) {
                Job job = piece.job();
                for (int i = 0; i < piece.count(); i++) {
                    int w = piece.from() + i;
                    job.forecasts[w] = codec.decode(scaled[at++], job.lastLevels[w]);
                }
                if (job.remaining.addAndGet(-piece.count()) == 0) {
                    job.done.complete(job.forecasts);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("model '{}': a batch of {} windows failed: {}", model, windows, e.toString());
            LOG.debug("batch failure", e);
            for (Piece piece : batch) {
                piece.job().done.completeExceptionally(e);
            }
        } finally {
            room.release(windows);
        }
    }
}
