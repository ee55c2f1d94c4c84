package dev.loupe.engine.telemetry;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.measure.RunClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The JVM side of one run: the JFR stream, the dispatch-delay probes with their watchdog, the hiccup
 * probe and the runtime sampler, all writing one {@link Timeline}. One platform thread of its own,
 * {@code loupe-telemetry-probes}: a 10 ms tick that sends the probes, measures its own wake-up for the
 * hiccup probe, and every 250 ms takes a runtime sample and seals finished seconds, which it hands to
 * the listener (the JFR stream has its own thread, {@link JfrStream#THREAD_NAME}). A second is
 * sealed once the JFR stream has flushed past its end (about a second after it ends, JDK 25 flushes
 * every second), so each reaches the listener whole. Start it before the load and stop it after.
 */
public final class TelemetrySession {
    /**
     * A diagnostic for measuring what each part costs (bench/telemetry-overhead.sh): the system
     * property {@code loupe.telemetry.off}, a comma-separated subset of {@code jfr}, {@code hiccup},
     * {@code probes} and JFR event names ({@code jdk.ExecutionSample}), leaves those parts out. Not a
     * user setting: a run without them is missing data.
     */
    private static final Set<String> OFF = Set.of(System.getProperty("loupe.telemetry.off", "").split(","));
    /** Whether the diagnostic property {@code loupe.telemetry.off} leaves this part or JFR event out. */
    static boolean leftOut(String part) {
        return OFF.contains(part);
    }

    private static final long TICKS_PER_SAMPLE = RuntimeSampler.PERIOD_MS * 1_000_000L / DelayProbes.PERIOD_NS;

    private final RunClock clock;
    private final Timeline timeline;
    private final DelayProbes probes;
    private final RuntimeSampler sampler;
    private final HiccupProbe hiccup;
    private final JfrStream jfr;
    private final List<String> problems = new ArrayList<>();
    private final Thread probeThread;
    private final Object ticker = new Object();
    private volatile boolean stopping;
    private RuntimeException tickFailure;

    private TelemetrySession(JfrStream jfr, List<String> problems, ObservedServer server, RunClock clock,
            long measureFromMs, TelemetryListener onSecond) {
        this.clock = clock;
        List<DispatchTarget> targets = server.dispatchTargets();
        this.timeline = new Timeline(measureFromMs, targets.stream().map(DispatchTarget::name).toList(),
                Runtime.getRuntime().maxMemory(), onSecond);
        this.probes = new DelayProbes(targets, clock, timeline, new Watchdog());
        this.sampler = new RuntimeSampler(server);
        this.hiccup = new HiccupProbe(clock, timeline);
        this.problems.addAll(problems);
        this.jfr = jfr;
        if (jfr != null) {
            jfr.attach(clock, timeline);
        }
        this.probeThread = Thread.ofPlatform().daemon().name(ThreadRole.TELEMETRY_PREFIX + "probes").unstarted(this::tick);
    }

    /**
     * Starts the part of a run's telemetry that must come before its server: the JFR stream, whose
     * start-up would otherwise fall into the run ({@link JfrStream#open}). Then start the server, wait
     * for {@link Prepared#awaitReady}, take the run's clock and {@link Prepared#start} the session
     * before the load.
     */
    public static Prepared prepare(TelemetryOptions options) {
        return new Prepared(options);
    }

    /** Starts the telemetry of a run at once: {@link #prepare} and {@link Prepared#start} in one. */
    public static TelemetrySession start(TelemetryOptions options, ObservedServer server, RunClock clock,
            long measureFromMs, TelemetryListener onSecond) throws InterruptedException {
        try (Prepared prepared = prepare(options)) {
            prepared.awaitReady();
            return prepared.start(server, clock, measureFromMs, onSecond);
        }
    }

    /**
     * A run's telemetry before its server starts: the JFR stream, recording already and dropping what
     * it reads until {@link #start}. Close it when the run does not get that far; after {@link #start}
     * the session owns the stream and closing this does nothing.
     */
    public static final class Prepared implements AutoCloseable {
        /**
         * How long {@link #awaitReady} waits for the JFR stream's first batch: JDK 25 flushes every
         * second, so this only matters on an overloaded machine, where the run then starts anyway.
         */
        static final Duration FIRST_FLUSH_WAIT = Duration.ofSeconds(5);
        private static final Duration READY_POLL = Duration.ofMillis(50);

        private final List<String> problems = new ArrayList<>();
        /** JFR's start, on a thread of its own: in a fresh JVM it takes most of a second, and a stop need not wait. */
        private final CompletableFuture<JfrStream> opening;
        private boolean started;
        private boolean closed;

        private Prepared(TelemetryOptions options) {
            if (leftOut("jfr")) {
                opening = CompletableFuture.completedFuture(null);
                return;
            }
            opening = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name(ThreadRole.TELEMETRY_PREFIX + "jfr-start").start(() -> {
                try {
                    opening.complete(JfrStream.open(options));
                } catch (RuntimeException | Error e) {
                    opening.completeExceptionally(e);
                }
            });
        }

        /**
         * Waits until JFR's start-up is over: the stream's first batch has been read, about a second
         * after {@link #prepare} (at most {@link #FIRST_FLUSH_WAIT}). Call it before taking the run's
         * clock, so that the wait is not part of the run.
         */
        public void awaitReady() throws InterruptedException {
            awaitReady(() -> false);
        }

        /**
         * Like {@link #awaitReady()}, giving up as soon as {@code cancelled} says so (looked at every
         * 50 ms): a run stopped while JFR starts need not wait for it.
         */
        public void awaitReady(BooleanSupplier cancelled) throws InterruptedException {
            long deadline = System.nanoTime() + FIRST_FLUSH_WAIT.toNanos();
            while (!cancelled.getAsBoolean() && System.nanoTime() - deadline < 0) {
                if (opening.isDone()) {
                    JfrStream jfr = opened();
                    if (jfr == null || jfr.awaitFirstFlush(READY_POLL)) {
                        return;
                    }
                } else {
                    try {
                        opening.get(READY_POLL.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | ExecutionException notYet) {
                        // looked at again on the next turn
                    }
                }
            }
        }

        /** The stream, once open; null when it is not open yet, failed (noted) or left out. */
        private JfrStream opened() {
            if (!opening.isDone() || opening.isCompletedExceptionally()) {
                if (opening.isCompletedExceptionally() && problems.isEmpty()) {
                    Throwable cause = opening.exceptionNow();
                    problems.add("the JFR stream could not start (" + cause.getMessage() + "); GC, lock, pinning and"
                            + " CPU readings are missing");
                }
                return null;
            }
            return opening.resultNow();
        }

        /**
         * Starts the session: probes, hiccup probe and sampler, with the JFR stream reporting on {@code
         * clock}'s time base from its origin on. If JFR has not finished starting (the run was stopped
         * meanwhile), the session runs without it and the stream is closed once it is open.
         *
         * @param measureFromMs where the measured part starts (the end of the warm-up), ms since the run's start
         * @param onSecond told of each sealed second, in order, on the probe thread (or the stopping thread
         *     for the last ones); must return quickly
         * @throws IllegalStateException if already started
         */
        public TelemetrySession start(ObservedServer server, RunClock clock, long measureFromMs,
                TelemetryListener onSecond) {
            if (started) {
                throw new IllegalStateException("this telemetry has already started");
            }
            started = true;
            JfrStream jfr = opened();
            if (jfr == null && !opening.isDone()) {
                problems.add("the run was stopped before the JFR stream had started; GC, lock, pinning and CPU"
                        + " readings are missing");
                opening.thenAccept(JfrStream::close);
            }
            TelemetrySession session = new TelemetrySession(jfr, problems, server, clock, measureFromMs, onSecond);
            session.probeThread.start();
            return session;
        }

        /** Closes the stream if no session took it, at once or, while JFR still starts, when it has. */
        @Override
        public void close() {
            if (started || closed) {
                return;
            }
            closed = true;
            opening.thenAccept(jfr -> {
                if (jfr != null) {
                    jfr.close();
                }
            });
        }
    }

    /**
     * Stops every part, seals the last seconds and writes the recording.
     *
     * @param recordingFile where to write the run's JFR recording, if anywhere
     */
    public TelemetryReport stop(Optional<Path> recordingFile) throws InterruptedException {
        return stop(recordingFile, false);
    }

    /**
     * Like {@link #stop(Optional)}; {@code promptly} (a run the user stopped) does not wait for JFR's
     * last batch ({@link JfrStream#stopPromptly}): the last second's JFR events may be missing from
     * the seconds and the summary, though they are in the recording.
     */
    public TelemetryReport stop(Optional<Path> recordingFile, boolean promptly) throws InterruptedException {
        stopping = true;
        synchronized (ticker) {
            ticker.notifyAll();
        }
        probeThread.join();
        Optional<Path> written = Optional.empty();
        if (jfr != null) {
            try {
                JfrStream.Stats stats = promptly ? jfr.stopPromptly(recordingFile) : jfr.stop(recordingFile);
                written = recordingFile;
                if (stats.failed() > 0) {
                    problems.add(stats.failed() + " of " + (stats.delivered() + stats.failed()) + " JFR events could"
                            + " not be counted (" + stats.firstFailure().map(Throwable::toString).orElse("?")
                            + "); the JVM numbers may be low");
                }
            } catch (IOException | RuntimeException e) {
                problems.add("the JFR recording could not be written to " + recordingFile.map(Path::toString).orElse("?")
                        + " (" + e.getMessage() + ")");
            }
        }
        TelemetrySummary summary = timeline.finish(clock.nowMs());
        return new TelemetryReport(summary, timeline.series(), written, problems);
    }

    private void tick() {
        long tick = 0;
        long next = clock.clock().nanoTime();
        try {
            while (!stopping) {
                try {
                    if (!leftOut("probes")) {
                        probes.tick();
                    }
                    if (tick++ % TICKS_PER_SAMPLE == 0) {
                        long now = clock.nowMs();
                        timeline.sample(now, sampler.sample());
                        timeline.seal(jfr == null ? now : Math.min(now, timeline.flushedUpToMs()));
                    }
                } catch (RuntimeException e) {
                    if (tickFailure == null) {
                        tickFailure = e;
                        problems.add("a telemetry probe failed (" + e + "); some seconds may lack probe readings");
                    }
                }
                next += DelayProbes.PERIOD_NS;
                long before = clock.clock().nanoTime();
                long waitNs = next - before;
                if (waitNs > 0) {
                    // Object.wait, not parkNanos: the JFR stream records parks, and this wait is no server's.
                    // Whole milliseconds, as Object.wait rounds up anyway; the hiccup is what came on top.
                    long waitMs = (waitNs + 999_999) / 1_000_000;
                    synchronized (ticker) {
                        if (stopping) {
                            break;
                        }
                        ticker.wait(waitMs);
                    }
                    if (!stopping && !leftOut("hiccup")) {
                        hiccup.woke(before + waitMs * 1_000_000, clock.clock().nanoTime());
                    }
                } else {
                    next = clock.clock().nanoTime(); // fell behind: no burst of catch-up ticks
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hiccup.finish();
        }
    }
}
