package dev.loupe.engine.telemetry;

import dev.loupe.engine.io.AtomicFiles;
import dev.loupe.engine.measure.RunClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

/**
 * The JFR half of live telemetry: an in-process {@link RecordingStream} whose events are reduced, one
 * call each, to a {@link JvmEvents} sink on the stream's own thread, about a second behind the JVM
 * (JDK 25 flushes once a second). It also keeps the whole run's recording, so {@link #stop} can write
 * a normal {@code .jfr} file that JDK Mission Control and {@code jfr summary} open.
 *
 * <h2>What is recorded</h2>
 *
 * <ul>
 *   <li>{@code jdk.GarbageCollection}, {@code jdk.GCHeapSummary}, {@code jdk.SafepointBegin} (every
 *       safepoint, threshold 0), {@code jdk.CPULoad} (every second): no stacks.
 *   <li>{@code jdk.JavaMonitorEnter} and {@code jdk.ThreadPark} at the scenario's lock threshold,
 *       {@code jdk.ThreadSleep} at its sleep threshold, with stacks. JFR's own default of 20 ms hides
 *       most waits that matter to a server; 0 ms floods the stream with {@code ThreadPark} from every
 *       idle pool thread, hence the scenario's threshold (1 ms by default).
 *   <li>{@code jdk.VirtualThreadPinned} at threshold 0, with stacks: since JDK 24 only native or VM
 *       frames pin (not {@code synchronized}), so the event is rare, and every pinned block is a
 *       carrier lost to all other virtual threads however short, which the lock threshold would hide.
 *   <li>{@code jdk.ExecutionSample} at the scenario's period.
 *   <li>{@code jdk.ObjectAllocationSample} throttled to {@value #ALLOCATION_THROTTLE}, with stacks (the allocation flame graph).
 *   <li>{@code jdk.Flush} (an experimental JDK event, forwarded to no sink method): stamps each batch
 *       with the time of the flush that wrote it, for {@link JvmEvents#flushed}. See {@link
 *       #FLUSH_MARGIN_MS}.
 * </ul>
 *
 * <p>A recording stream is handed every event in JFR's repository, including those another recording
 * in the same JVM asked for (a {@code -XX:StartFlightRecording}, JDK Mission Control, a second
 * stream): JFR merges their settings, lowest threshold wins (measured on JDK 25: a 50 ms stream saw
 * the 1 ms waits of a 1 ms stream beside it). So the lock and sleep thresholds are applied here
 * again, and waits below them are dropped uncounted. Periods and the allocation throttle are not:
 * another recording with a shorter period brings more samples.
 *
 * <h2>Cost</h2>
 *
 * Stacks are requested only for the events that report them, formatted once per distinct stack
 * ({@link StackFrames}), and cut to {@link Frames#MAX_FRAMES}. Handlers are registered per event type,
 * so JFR skips other events without parsing them.
 *
 * <h2>Failures</h2>
 *
 * A sink call that throws is counted and the stream carries on ({@link Stats#failed}); the first such
 * throwable is kept for diagnosis. Only {@link VirtualMachineError}s are let through.
 *
 * <h2>Threads</h2>
 *
 * {@link #start} may be called on any thread; {@link #stop} and {@link #close} on any other, but not
 * from inside a sink call (stop would wait for itself). The sink is called only on the stream's
 * thread, which JFR excludes from recording and which this class renames {@value #THREAD_NAME} at its
 * first callback, so thread-by-name accounting counts it as {@link ThreadRole#TELEMETRY} (JFR calls it
 * {@code JFR Event Stream N}, which would read as {@link ThreadRole#JVM}).
 */
public final class JfrStream implements AutoCloseable {
    /**
     * How much recording the stream keeps on disk for {@link #stop}'s file: 256 MB, in JFR's
     * repository (under the system temp folder), so that the file holds the whole run. Past it JFR
     * drops the oldest chunks and the file starts later than the run; age is not limited.
     */
    public static final long MAX_RECORDING_BYTES = 256L * 1024 * 1024;

    /** {@code jdk.ObjectAllocationSample}'s throttle: enough samples for a per-second picture at little cost. */
    public static final String ALLOCATION_THROTTLE = "150/s";

    /**
     * How far {@link JvmEvents#flushed}'s {@code upToMs} stays behind the latest flush: 100 ms.
     *
     * <p>{@code upToMs} is not read from the clock at the flush callback: that runs after the batch was
     * parsed and dispatched, measured 100 to 210 ms after the flush for the first batch on a quiet
     * machine, and later when the stream's thread is starved by a busy server; events that ended in
     * between would be missed. Instead it is the time the flush itself began ({@code jdk.Flush}'s
     * start time, the latest event of its batch; failing that, the latest end time seen): every event
     * that ended before then was in a thread's buffer that the flush wrote out. The margin covers
     * the one gap: a thread that takes an event's end time and is descheduled before it writes the
     * event into its buffer. On a loaded 2-core machine that can take a scheduling quantum or a few;
     * 100 ms covers it without delaying a second's seal noticeably behind the 1 s flush period.
     */
    public static final long FLUSH_MARGIN_MS = 100;

    /** The name the stream's thread is given at its first callback. */
    public static final String THREAD_NAME = ThreadRole.TELEMETRY_PREFIX + "jfr";

    /** How long {@link #close} waits for a sink call in progress to return. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /**
     * What a stream delivered.
     *
     * @param delivered events whose sink call returned normally (flushes not counted)
     * @param failed sink calls (events or flushes) that threw, or events that could not be read
     * @param firstFailure the first of those throwables
     */
    public record Stats(long delivered, long failed, Optional<Throwable> firstFailure) {
        public Stats {
            Objects.requireNonNull(firstFailure, "firstFailure");
        }
    }

    private enum State { RUNNING, STOPPING, CLOSED }

    /** The run this stream reports to, once {@link #attach}ed; events before are read and dropped. */
    private record Run(RunClock clock, JvmEvents sink) {}

    private final RecordingStream stream;
    private final Duration lockThreshold;
    private final Duration sleepThreshold;
    private final AtomicReference<Run> run = new AtomicReference<>();
    /** Counted down at the stream's first flush: JFR's start-up is over (see {@link #open}). */
    private final CountDownLatch firstFlush = new CountDownLatch(1);
    // Set from the attached run on the stream's thread, at its next callback.
    private RunClock clock;
    private JvmEvents sink;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    /** The stream's thread, once it has called back: stop and close must not wait for it from on it. */
    private volatile Thread streamThread;

    // Confined to the stream's thread.
    private final StackFrames stacks = new StackFrames();
    private final CollapsedStacks collapsed = new CollapsedStacks();
    /** The latest time known to be flushed: jdk.Flush's start, or any event's end, in run ms. */
    private long latestMs = Long.MIN_VALUE;
    private long lastFlushedMs = Long.MIN_VALUE;

    private JfrStream(RecordingStream stream, TelemetryOptions options) {
        this.stream = stream;
        this.lockThreshold = options.lockThreshold();
        this.sleepThreshold = options.sleepThreshold();
    }

    /**
     * Starts recording and streaming now; events go to {@code sink} on the stream's own thread, the
     * first batch about a second from now. Events that ended before this call are not delivered.
     *
     * @throws IllegalStateException if JFR is not available in this JVM
     */
    public static JfrStream start(TelemetryOptions options, RunClock clock, JvmEvents sink) {
        JfrStream jfr = open(options);
        jfr.attach(clock, sink);
        return jfr;
    }

    /**
     * Starts recording and streaming now, for a run that has not begun: events are read and dropped
     * until {@link #attach}. JFR's start in a JVM is expensive: it rewrites the JDK's event classes, and
     * the stream's first batch brings about 100 KB of metadata to parse, all of it code run once and
     * compiled meanwhile. Measured with a run pinned to one core, that start-up took the load's first
     * seconds down to half their throughput. Opening the stream before the server and waiting for
     * {@link #awaitFirstFlush} keeps that cost out of the run.
     *
     * @throws IllegalStateException if JFR is not available in this JVM
     */
    public static JfrStream open(TelemetryOptions options) {
        Objects.requireNonNull(options, "options");
        RecordingStream stream = new RecordingStream();
        try {
            JfrStream jfr = new JfrStream(stream, options);
            jfr.configure(options);
            stream.startAsync();
            return jfr;
        } catch (RuntimeException | Error e) {
            stream.close();
            throw e;
        }
    }

    /**
     * Waits until the stream's first batch has been read (about a second after {@link #open}), or
     * for at most {@code limit}.
     *
     * @return whether the first batch was read in time
     */
    public boolean awaitFirstFlush(Duration limit) throws InterruptedException {
        return firstFlush.await(limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Reports to {@code sink}, on {@code clock}'s time base, every event that ends from now on.
     *
     * @throws IllegalStateException if already attached
     */
    public void attach(RunClock clock, JvmEvents sink) {
        Run attached = new Run(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(sink, "sink"));
        if (!run.compareAndSet(null, attached)) {
            throw new IllegalStateException("the JFR stream already reports to a run");
        }
    }

    /**
     * Whether the callback in progress is for the run (on the stream's thread): adopts the attached run
     * at the first callback after {@link #attach}, and drops events that ended before it.
     */
    private boolean forRun(Instant end) {
        if (sink == null) {
            Run attached = run.get();
            if (attached == null) {
                return false;
            }
            clock = attached.clock();
            sink = attached.sink();
        }
        return !end.isBefore(clock.originWall());
    }

    private void configure(TelemetryOptions options) {
        stream.setMaxSize(MAX_RECORDING_BYTES);

        enable("jdk.GarbageCollection", e -> e.withThreshold(Duration.ZERO).withoutStackTrace());
        on("jdk.GarbageCollection", this::gc);
        enable("jdk.GCHeapSummary", e -> e);
        on("jdk.GCHeapSummary", this::heapAtGc);
        enable("jdk.VirtualThreadPinned", e -> e.withThreshold(Duration.ZERO).withStackTrace());
        on("jdk.VirtualThreadPinned", this::pinned);
        enable("jdk.JavaMonitorEnter", e -> e.withThreshold(options.lockThreshold()).withStackTrace());
        on("jdk.JavaMonitorEnter", this::monitorEnter);
        enable("jdk.ThreadPark", e -> e.withThreshold(options.lockThreshold()).withStackTrace());
        on("jdk.ThreadPark", this::park);
        enable("jdk.ThreadSleep", e -> e.withThreshold(options.sleepThreshold()).withStackTrace());
        on("jdk.ThreadSleep", this::sleep);
        enable("jdk.CPULoad", e -> e.withPeriod(Duration.ofSeconds(1)));
        on("jdk.CPULoad", this::cpu);
        enable("jdk.ExecutionSample", e -> e.withPeriod(options.executionSamplePeriod()));
        on("jdk.ExecutionSample", this::executionSample);
        enable("jdk.ObjectAllocationSample", e -> e.with("throttle", ALLOCATION_THROTTLE).withStackTrace());
        on("jdk.ObjectAllocationSample", this::allocation);
        enable("jdk.SafepointBegin", e -> e.withThreshold(Duration.ZERO).withoutStackTrace());
        on("jdk.SafepointBegin", this::safepoint);
        stream.enable("jdk.Flush");
        stream.onEvent("jdk.Flush", this::flushEvent);

        stream.onFlush(this::flushed);
    }

    /**
     * Enables one event type, unless the diagnostic system property {@code loupe.telemetry.off} names
     * it (bench/telemetry-overhead.sh measures each event's cost that way); a left-out event is
     * not enabled at all.
     */
    private void enable(String eventName, UnaryOperator<EventSettings> settings) {
        if (!TelemetrySession.leftOut(eventName)) {
            settings.apply(stream.enable(eventName));
        }
    }

    /** One event reduced to one sink call, given the event's end on the run's time base. */
    @FunctionalInterface
    private interface Reduction {
        /** Calls the sink, or returns false if the event is below this stream's threshold. */
        boolean deliver(RecordedEvent event, long atMs);
    }

    private void on(String eventName, Reduction reduction) {
        stream.onEvent(eventName, event -> {
            if (streamThread == null) {
                claimThread();
            }
            try {
                if (!forRun(event.getEndTime())) {
                    return;
                }
                long atMs = clock.msAt(event.getEndTime());
                if (atMs > latestMs) {
                    latestMs = atMs;
                }
                if (reduction.deliver(event, atMs)) {
                    delivered.increment();
                }
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                fail(t);
            }
        });
    }

    private void fail(Throwable t) {
        failed.increment();
        firstFailure.compareAndSet(null, t);
    }

    // The reductions, on the stream's thread.

    private boolean gc(RecordedEvent e, long atMs) {
        sink.gc(atMs, e.getString("name"), e.getString("cause"),
                ms(e.getDuration("sumOfPauses")), ms(e.getDuration("longestPause")));
        return true;
    }

    private boolean heapAtGc(RecordedEvent e, long atMs) {
        sink.heapAtGc(atMs, e.getLong("gcId"), "After GC".equals(e.getString("when")),
                e.getLong("heapUsed"), e.getLong("heapSpace.committedSize"));
        return true;
    }

    private boolean pinned(RecordedEvent e, long atMs) {
        sink.pinned(atMs, ms(e.getDuration()), role(e.getThread()), pinnedReason(e), stacks.of(e.getStackTrace()));
        return true;
    }

    /** {@code pinnedReason} (JDK 24 on), else {@code blockingOperation}, else empty. */
    private static String pinnedReason(RecordedEvent e) {
        String reason = e.hasField("pinnedReason") ? e.getString("pinnedReason") : null;
        if ((reason == null || reason.isEmpty()) && e.hasField("blockingOperation")) {
            reason = e.getString("blockingOperation");
        }
        return reason == null ? "" : reason;
    }

    private boolean monitorEnter(RecordedEvent e, long atMs) {
        Duration waited = e.getDuration();
        if (waited.compareTo(lockThreshold) < 0) {
            return false;
        }
        sink.lockWait(atMs, JvmEvents.LockKind.MONITOR, ms(waited), role(e.getThread()),
                className(e.getClass("monitorClass")), stacks.of(e.getStackTrace()));
        return true;
    }

    private boolean park(RecordedEvent e, long atMs) {
        Duration waited = e.getDuration();
        if (waited.compareTo(lockThreshold) < 0) {
            return false;
        }
        sink.lockWait(atMs, JvmEvents.LockKind.PARK, ms(waited), role(e.getThread()),
                className(e.getClass("parkedClass")), stacks.of(e.getStackTrace()));
        return true;
    }

    private boolean sleep(RecordedEvent e, long atMs) {
        Duration slept = e.getDuration();
        if (slept.compareTo(sleepThreshold) < 0) {
            return false;
        }
        sink.slept(atMs, ms(slept), role(e.getThread()), stacks.of(e.getStackTrace()));
        return true;
    }

    private boolean cpu(RecordedEvent e, long atMs) {
        sink.cpu(atMs, (e.getFloat("jvmUser") + e.getFloat("jvmSystem")) * 100.0, e.getFloat("machineTotal") * 100.0);
        return true;
    }

    private boolean executionSample(RecordedEvent e, long atMs) {
        RecordedStackTrace stack = e.getStackTrace();
        sink.executionSample(atMs, role(e.getThread("sampledThread")), stacks.of(stack), collapsed.of(stack));
        return true;
    }

    private boolean allocation(RecordedEvent e, long atMs) {
        sink.allocation(atMs, role(e.getThread()), className(e.getClass("objectClass")), e.getLong("weight"),
                collapsed.of(e.getStackTrace()));
        return true;
    }

    private boolean safepoint(RecordedEvent e, long atMs) {
        sink.safepoint(atMs, ms(e.getDuration()));
        return true;
    }

    /** A flush's own event: the flush began at its start time, so everything that ended before is in. */
    private void flushEvent(RecordedEvent e) {
        if (streamThread == null) {
            claimThread();
        }
        try {
            if (!forRun(e.getStartTime())) {
                return;
            }
            long startMs = clock.msAt(e.getStartTime());
            if (startMs > latestMs) {
                latestMs = startMs;
            }
        } catch (RuntimeException ex) {
            fail(ex);
        }
    }

    /** Notes the stream's thread, and names it as telemetry, at its first callback. */
    private void claimThread() {
        Thread current = Thread.currentThread();
        streamThread = current;
        current.setName(THREAD_NAME);
    }

    private void flushed() {
        if (streamThread == null) {
            claimThread();
        }
        firstFlush.countDown();
        if (latestMs == Long.MIN_VALUE) {
            return; // nothing seen yet: no time to vouch for
        }
        long upToMs = latestMs - FLUSH_MARGIN_MS;
        if (upToMs <= lastFlushedMs) {
            return; // JFR calls back twice a flush, once for an empty segment; report progress only
        }
        lastFlushedMs = upToMs;
        try {
            sink.flushed(upToMs);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            fail(t);
        }
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String className(RecordedClass c) {
        return c == null ? "" : c.getName();
    }

    /** A thread's role by its Java name; JVM threads have none, only an OS name ({@code VM Thread}). */
    private static ThreadRole role(RecordedThread t) {
        if (t == null) {
            return ThreadRole.OTHER;
        }
        String name = t.getJavaName();
        return ThreadRole.of(name != null ? name : t.getOSName());
    }

    // Lifecycle.

    /**
     * Stops recording, waits until every recorded event has been delivered, then writes the whole
     * run's recording to {@code recordingFile} if present, atomically (a temporary file in the same
     * folder, renamed), and closes the stream. The stream is closed however this ends.
     *
     * <p>When this returns, no sink call follows, and every event that ended before the call has been
     * delivered: the caller may treat the run as flushed to its end. (The last {@link
     * JvmEvents#flushed} the sink saw vouches only for a time up to about a second earlier.)
     *
     * @return what was delivered
     * @throws IOException if the recording could not be written, or {@link #close} was called meanwhile
     * @throws IllegalStateException if already stopped or closed, or called from a sink call
     */
    public Stats stop(Optional<Path> recordingFile) throws IOException {
        beginStopping("stop", recordingFile);
        try {
            try {
                stream.stop();
            } catch (IllegalStateException e) {
                throw new IOException("the JFR stream was closed while stopping", e);
            }
            if (recordingFile.isPresent()) {
                AtomicFiles.writeFile(recordingFile.get(), stream::dump);
            }
        } finally {
            if (state.getAndSet(State.CLOSED) != State.CLOSED) {
                stream.close();
            }
        }
        return stats();
    }

    /**
     * Stops at once, for a run the user stopped: writes the recording so far to {@code recordingFile}
     * if present (atomically), then closes the stream without waiting for its last batch. {@link
     * #stop} waits for JFR's next flush, up to a second; here the events of that last second may not
     * reach the sink, though they are in the file.
     *
     * @return what was delivered
     * @throws IOException if the recording could not be written
     * @throws IllegalStateException if already stopped or closed, or called from a sink call
     */
    public Stats stopPromptly(Optional<Path> recordingFile) throws IOException {
        beginStopping("stopPromptly", recordingFile);
        try {
            if (recordingFile.isPresent()) {
                AtomicFiles.writeFile(recordingFile.get(), stream::dump);
            }
        } finally {
            close(); // from STOPPING: closes, and waits for a sink call in progress
        }
        return stats();
    }

    /** What has been delivered so far; final once the stream is stopped or closed. */
    public Stats stats() {
        return new Stats(delivered.sum(), failed.sum(), Optional.ofNullable(firstFailure.get()));
    }

    /**
     * Closes the stream without writing the recording; idempotent. Unless called from a sink call, it
     * returns once no sink call is in progress (waiting up to {@link #CLOSE_WAIT}), and none follows.
     * Closing while {@link #stop} runs on another thread makes that stop fail.
     */
    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) == State.CLOSED) {
            return;
        }
        stream.close();
        if (Thread.currentThread() != streamThread) {
            try {
                stream.awaitTermination(CLOSE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Moves from running to stopping, or says why it cannot. */
    private void beginStopping(String what, Optional<Path> recordingFile) {
        Objects.requireNonNull(recordingFile, "recordingFile");
        requireNotStreamThread(what);
        if (!state.compareAndSet(State.RUNNING, State.STOPPING)) {
            throw new IllegalStateException(state.get() == State.STOPPING
                    ? "the JFR stream is already stopping" : "the JFR stream is already closed");
        }
    }

    private void requireNotStreamThread(String what) {
        if (Thread.currentThread() == streamThread) {
            throw new IllegalStateException("cannot " + what + " the JFR stream from a sink call: it would wait for itself");
        }
    }
}
