package dev.loupe.engine.load;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running load run, as {@link LoadGenerator#start} returns it. Snapshots go to the listeners given
 * at start; the result comes from {@link #awaitResult()} or {@link #completion()}. All methods may be
 * called from any thread.
 */
public final class LoadRun {
    private final LoadSpec spec;
    private final List<Worker> workers;
    private final CompletableFuture<LoadResult> result;
    private volatile boolean stopRequested;

    LoadRun(LoadSpec spec, List<Worker> workers, CompletableFuture<LoadResult> result) {
        this.spec = spec;
        this.workers = List.copyOf(workers);
        this.result = result;
    }

    public LoadSpec spec() {
        return spec;
    }

    /**
     * Stops sending now (Ctrl+C, the dashboard's stop button); responses in flight are still awaited
     * for {@link LoadSpec#STOP_DRAIN} (also when the run was already draining after its end), then
     * the connections close, requests still unanswered are abandoned uncounted, and the result
     * completes with what was measured. Idempotent; returns at once.
     */
    public void stop() {
        stopRequested = true;
        for (Worker w : workers) {
            w.stop();
        }
    }

    /** Whether {@link #stop()} was called. */
    public boolean isStopRequested() {
        return stopRequested;
    }

    public boolean isDone() {
        return result.isDone();
    }

    /**
     * Waits for the run to end and returns its result.
     *
     * @throws IllegalStateException if a generator thread failed (a bug in Loupe, never a network error)
     */
    public LoadResult awaitResult() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the load run failed: " + e.getCause(), e.getCause());
        }
    }

    /** Like {@link #awaitResult()}, giving up after {@code timeout}. */
    public Optional<LoadResult> awaitResult(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(result.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the load run failed: " + e.getCause(), e.getCause());
        }
    }

    /** Completes with the result, on the generator's collector thread; completing it yourself changes nothing. */
    public CompletableFuture<LoadResult> completion() {
        return result.copy();
    }
}
