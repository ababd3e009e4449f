package io.github.dockmaven.docker;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A docker-java stream callback that records its first failure instead of logging it (docker-java's own template
 * logs every failure at error level, which would print stack traces into the Maven build), remembers when data last
 * arrived, and can be closed from any thread, even before the stream started.
 */
abstract class StreamCallback<T> implements ResultCallback<T> {

    private final CountDownLatch answered = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    /** Orders items against the end: nothing is handled once {@link #ended()} ran, whichever thread closes. */
    private final Object lock = new Object();

    private boolean finished;
    private volatile Closeable stream;
    private volatile boolean closed;
    private volatile Throwable failure;
    private volatile long lastActivity = System.nanoTime();

    /** Handles one item of the stream. */
    protected abstract void handle(T item);

    /** Runs once when the stream ends: completed, failed or closed. */
    protected void ended() {}

    @Override
    public void onStart(Closeable stream) {
        this.stream = stream;
        touch();
        answered.countDown();
        if (closed) {
            closeQuietly(stream);
        }
    }

    @Override
    public void onNext(T item) {
        touch();
        synchronized (lock) {
            if (!finished) {
                handle(item);
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // the error that closing the stream provokes is ours, not the engine's
        if (!closed && failure == null) {
            failure = throwable;
        }
        finish();
    }

    @Override
    public void onComplete() {
        finish();
    }

    @Override
    public void close() {
        closed = true;
        Closeable current = stream;
        if (current != null) {
            closeQuietly(current);
        }
        finish();
    }

    /** Records a failure found in the stream's content, such as an error message of a pull. */
    protected void fail(Throwable throwable) {
        if (failure == null) {
            failure = throwable;
        }
    }

    /** The first failure, or null. */
    Throwable failure() {
        return failure;
    }

    boolean isClosed() {
        return closed;
    }

    /** Marks activity that is not an item of the stream, such as request bytes being sent. */
    void touch() {
        lastActivity = System.nanoTime();
    }

    Duration idleFor() {
        return Duration.ofNanos(System.nanoTime() - lastActivity);
    }

    /** Waits until the engine accepted the request or the stream ended; false when neither happened in time. */
    boolean awaitStartOrEnd(Duration limit) throws InterruptedException {
        return answered.await(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits up to {@code limit} for the stream to end; true when it did. */
    boolean awaitEnd(Duration limit) throws InterruptedException {
        return ended.await(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void finish() {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
        }
        try {
            ended();
        } finally {
            answered.countDown();
            ended.countDown();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a stream that is already broken: nothing more to release
        }
    }
}
