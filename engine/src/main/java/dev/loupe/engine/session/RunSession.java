package dev.loupe.engine.session;

import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.load.LoadSpec;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.run.RunListener;
import dev.loupe.engine.run.RunStarted;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.Threshold;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run from start to its files, for every caller alike: {@code loupe run}, {@code loupe load} and
 * the dashboard. A session is a scenario run ({@link #scenario}: server, load and telemetry in this
 * JVM, then the run folder) or a URL-only load ({@link #load}: load at any server, then an optional
 * JSON summary). {@link #start} runs it on a thread of its own and returns at once; listeners hear
 * the run and each {@link SessionState}; {@link #await} waits for the {@link SessionOutcome} with a
 * bound. {@link #stop} may come from any thread in any state (starting the server, warming up,
 * measuring, draining) and the session ends within about a second, with its files still written.
 * One instance runs once.
 */
public final class RunSession {
    /** The default thread: not a daemon, so the JVM waits for the files of a run that is ending. */
    private static final ThreadFactory SESSION_THREADS = Thread.ofPlatform().name("loupe-session").daemon(false).factory();

    private final Job job;
    private final ThreadFactory threads;
    private final CompletableFuture<SessionOutcome> outcome = new CompletableFuture<>();
    private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.READY);
    private final List<RunListener> listeners = new ArrayList<>();
    private final StateTracker tracker = new StateTracker();
    private volatile boolean stopRequested;

    private RunSession(Job job, ThreadFactory threads) {
        this.job = job;
        this.threads = threads;
    }

    /**
     * A session that runs {@code scenario} and writes its run folder.
     *
     * @param folder the run folder, which must exist and be writable ({@link
     *     dev.loupe.engine.report.RunFolder#create} makes one)
     * @param source how the scenario was named (its file), for the run log
     * @param extraThresholds thresholds from the command line, judged after the scenario's own
     * @param junit where to write the thresholds as JUnit XML, if anywhere
     */
    public static RunSession scenario(Scenario scenario, String source, Path folder, List<Threshold> extraThresholds,
            Optional<Path> junit, LoadGenerator generator, InstantSource clock) {
        return new RunSession(new ScenarioJob(scenario, source, folder, List.copyOf(extraThresholds), junit, generator,
                clock), SESSION_THREADS);
    }

    /** A session that drives {@code spec} at its target and writes {@code {"summary": …}} to {@code json}, if given. */
    public static RunSession load(LoadSpec spec, Optional<Path> json, LoadGenerator generator) {
        return new RunSession(new LoadJob(spec, json, generator), SESSION_THREADS);
    }

    /** This session, running its work on threads from {@code factory} (tests pass their own). */
    public RunSession withThreads(ThreadFactory factory) {
        if (state.get() != SessionState.READY) {
            throw new IllegalStateException("the session has started");
        }
        return new RunSession(job, Objects.requireNonNull(factory, "factory"));
    }

    /**
     * Starts the run on a thread of its own and returns at once.
     *
     * @param listeners hear the run ({@link RunListener}) and, those that are {@link SessionListener}s, each state
     * @throws IllegalStateException if already started
     */
    public RunSession start(List<? extends RunListener> listeners) {
        if (!state.compareAndSet(SessionState.READY, SessionState.STARTING)) {
            throw new IllegalStateException("a RunSession runs once");
        }
        this.listeners.addAll(listeners);
        tell(SessionState.STARTING);
        Thread thread = threads.newThread(this::runJob);
        thread.start();
        return this;
    }

    /**
     * Ends the run early: whatever state it is in, it stops within about a second and its files are
     * written with what ran. Any thread; idempotent; returns at once.
     */
    public void stop() {
        stopRequested = true;
        job.stop();
        SessionState now = state.get();
        if (now.loading()) {
            moveTo(SessionState.DRAINING);
        }
    }

    /** Whether {@link #stop} was called. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** The state now. */
    public SessionState state() {
        return state.get();
    }

    /**
     * Waits at most {@code bound} for the session to end.
     *
     * @return the outcome, or empty if it has not ended within the bound
     */
    public Optional<SessionOutcome> await(Duration bound) throws InterruptedException {
        try {
            return Optional.of(outcome.get(bound.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a session completes normally", e.getCause());
        }
    }

    /** Waits for the session to end, however long it takes. */
    public SessionOutcome await() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a session completes normally", e.getCause());
        }
    }

    /** Completes with the outcome, on the session's thread. */
    public CompletableFuture<SessionOutcome> completion() {
        return outcome.copy();
    }

    private void runJob() {
        SessionOutcome result;
        try {
            result = job.run(new Progress());
        } catch (Throwable t) {
            result = new SessionOutcome.Failed(t, stopRequested);
        }
        moveTo(SessionState.DONE);
        outcome.complete(result);
    }

    /** Moves forward to {@code next}; never back. */
    private void moveTo(SessionState next) {
        SessionState now;
        do {
            now = state.get();
            if (now.ordinal() >= next.ordinal()) {
                return;
            }
        } while (!state.compareAndSet(now, next));
        tell(next);
    }

    private void tell(SessionState next) {
        for (RunListener l : listeners) {
            if (l instanceof SessionListener s) {
                try {
                    s.onState(next);
                } catch (RuntimeException e) {
                    // a listener's failure never ends the session; the run's own listeners are guarded by the run
                }
            }
        }
    }

    /** What a job tells the session as it goes. */
    final class Progress {
        /** The run's listeners and the session's own, which follows the state from the run's events. */
        List<RunListener> listeners() {
            List<RunListener> all = new ArrayList<>();
            all.add(tracker);
            all.addAll(listeners);
            return all;
        }

        /** A URL-only load has begun (it has no {@link RunStarted}); sending ends at {@code endMs}. */
        void loadStarted(boolean warmup, long endMs) {
            tracker.endMs = endMs;
            moveTo(warmup ? SessionState.WARMING_UP : SessionState.MEASURING);
        }

        boolean stopRequested() {
            return stopRequested;
        }

        void writing() {
            moveTo(SessionState.WRITING);
        }

        void draining() {
            moveTo(SessionState.DRAINING);
        }
    }

    /** Follows the state from the run's events. */
    private final class StateTracker implements RunListener {
        private volatile long endMs = Long.MAX_VALUE;

        @Override
        public void onStarted(RunStarted started) {
            endMs = started.load().warmup().plus(started.load().duration()).toMillis();
            moveTo(started.load().warmup().isZero() ? SessionState.MEASURING : SessionState.WARMING_UP);
        }

        @Override
        public void onSnapshot(IntervalSnapshot snapshot) {
            if (stopRequested || snapshot.endMs() >= endMs) {
                moveTo(SessionState.DRAINING);
            } else {
                moveTo(snapshot.warmup() ? SessionState.WARMING_UP : SessionState.MEASURING);
            }
        }
    }

    /** The work of one kind of session. */
    interface Job {
        SessionOutcome run(Progress progress) throws Exception;

        /** Asks the work to end early; any thread; returns at once. */
        void stop();
    }
}
