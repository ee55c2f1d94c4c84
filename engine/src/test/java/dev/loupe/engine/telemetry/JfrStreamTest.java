package dev.loupe.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.measure.RunClock;
import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import dev.loupe.engine.server.workload.Workloads;
import dev.loupe.engine.telemetry.JvmEvents.LockKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JfrStream} on real JFR streams, provoking each event for real. JFR delivers in batches about
 * once a second, so every check polls for what it expects, up to {@link #BOUND}, and workloads that
 * JFR might miss on a noisy machine are repeated until their event arrives.
 */
@Tag("timing")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JfrStreamTest {
    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final TelemetryOptions SETTINGS = settings(Duration.ofMillis(1));

    /** A monitor of its own class, so its waits can be told from any other in the JVM. */
    static final class ContendedMonitor {}

    @Test
    void aCollectionGivesAGcCallABeforeAndAfterHeapPairAndFlushesThatFollowTheEvents() throws Exception {
        RecordingSink sink = new RecordingSink();
        RunClock clock = sink.clock;
        try (JfrStream jfr = JfrStream.start(SETTINGS, clock, sink)) {
            long before = clock.nowMs();
            System.gc();
            long after = clock.nowMs();

            Gc gc = sink.await(Gc.class, g -> g.cause().equals("System.gc()"));
            assertThat(gc.collector()).isNotEmpty();
            assertThat(gc.pauseMsLongest()).isPositive().isLessThanOrEqualTo(gc.pauseMsTotal());
            assertThat(gc.atMs()).as("on the run's time base, between the calls around it")
                    .isBetween(before - 10, after + 10);

            // The collection's own pair: its after-GC summary is taken as it ends, its before-GC one as it begins.
            HeapAtGc afterGc = sink.await(HeapAtGc.class, h -> h.afterGc() && Math.abs(h.atMs() - gc.atMs()) <= 2);
            HeapAtGc beforeGc = sink.await(HeapAtGc.class, h -> !h.afterGc() && h.gcId() == afterGc.gcId());
            assertThat(beforeGc.atMs()).as("atMs is when an event ends: the gc's is its end, not its start")
                    .isLessThan(gc.atMs()).isGreaterThanOrEqualTo(before - 10);
            assertThat(List.of(beforeGc, afterGc)).allSatisfy(h -> {
                assertThat(h.usedBytes()).isPositive();
                assertThat(h.committedBytes()).isPositive();
            });

            sink.await(Flushed.class, f -> f.upToMs() > gc.atMs());
        }
        List<Flushed> flushes = sink.all(Flushed.class);
        assertThat(flushes).extracting(Flushed::upToMs).isSorted().doesNotHaveDuplicates();
        // By construction upToMs <= now - margin; half the margin leaves room for the JFR and run clocks to differ.
        assertThat(flushes).allSatisfy(f -> assertThat(f.upToMs())
                .as("trails the clock by the margin").isLessThanOrEqualTo(f.nowMs() - JfrStream.FLUSH_MARGIN_MS / 2));
        assertThat(sink.stragglers()).as("events delivered after a flush that vouched for their time").isEmpty();
        assertThat(sink.threads).as("every sink call on the stream's thread, named as telemetry")
                .containsOnly(JfrStream.THREAD_NAME);
    }

    @Test
    void aStreamOpenedBeforeTheRunIsReadyAfterItsFirstBatchAndReportsOnlyWhatEndsInTheRun() throws Exception {
        try (JfrStream jfr = JfrStream.open(SETTINGS)) {
            System.gc(); // before the run: read with the first batch, and dropped
            assertThat(jfr.awaitFirstFlush(BOUND)).as("JFR flushes about once a second").isTrue();
            System.gc(); // before the run too, but read after attach: dropped for ending before the run's clock
            RecordingSink sink = new RecordingSink();
            jfr.attach(sink.clock, sink);
            assertThatThrownBy(() -> jfr.attach(sink.clock, sink)).isInstanceOf(IllegalStateException.class);

            long before = sink.clock.nowMs();
            System.gc();
            Gc gc = sink.await(Gc.class, g -> g.cause().equals("System.gc()"));
            assertThat(gc.atMs()).as("the collection in the run, the control").isGreaterThanOrEqualTo(before - 10);
            sink.await(Flushed.class, f -> f.upToMs() > gc.atMs());
            assertThat(sink.all(EventCall.class)).as("nothing that ended before the run's clock began")
                    .allSatisfy(e -> assertThat(e.atMs()).isGreaterThanOrEqualTo(0));
            assertThat(sink.all(Gc.class)).filteredOn(g -> g.cause().equals("System.gc()"))
                    .as("only the run's own System.gc()").hasSize(1);
        }
    }

    @Test
    void monitorWaitsOfServerWorkersNameTheLockClassAndTheWaitingCode() throws Exception {
        RecordingSink sink = new RecordingSink();
        String lockClass = ContendedMonitor.class.getName();
        try (JfrStream jfr = JfrStream.start(SETTINGS, sink.clock, sink)) {
            ContendedMonitor monitor = new ContendedMonitor();
            LockWait wait = sink.awaitWhileRepeating(LockWait.class,
                    w -> w.kind() == LockKind.MONITOR && w.lockClass().equals(lockClass),
                    () -> contend(4, 5, () -> holdMonitor(monitor, 5)));

            assertThat(wait.role()).isEqualTo(ThreadRole.SERVER);
            assertThat(wait.durationMs()).isGreaterThanOrEqualTo(1.0);
            assertThat(wait.frames()).isNotEmpty().hasSizeLessThanOrEqualTo(Frames.MAX_FRAMES);
            assertThat(wait.frames().getFirst()).as("the top frame: the method with the synchronized block")
                    .startsWith(JfrStreamTest.class.getName() + ".holdMonitor:");
        }
    }

    @Test
    void parksOnAContendedReentrantLockNameItsSync() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (JfrStream jfr = JfrStream.start(SETTINGS, sink.clock, sink)) {
            ReentrantLock lock = new ReentrantLock();
            String holdLock = JfrStreamTest.class.getName() + ".holdLock:";
            LockWait wait = sink.awaitWhileRepeating(LockWait.class,
                    w -> w.kind() == LockKind.PARK && w.frames().stream().anyMatch(f -> f.startsWith(holdLock)),
                    () -> contend(4, 5, () -> holdLock(lock, 5)));

            assertThat(wait.lockClass()).contains("ReentrantLock"); // ReentrantLock$NonfairSync
            assertThat(wait.role()).isEqualTo(ThreadRole.SERVER);
            assertThat(wait.durationMs()).isGreaterThanOrEqualTo(1.0);
            assertThat(wait.frames()).hasSizeLessThanOrEqualTo(Frames.MAX_FRAMES);
        }
    }

    @Test
    void aVirtualThreadBlockedInANativeUpcallIsReportedPinnedWithTheComparatorFrame() throws Exception {
        RecordingSink sink = new RecordingSink();
        String comparator = "dev.loupe.engine.server.workload.Pinned$Handler.compare";
        try (JfrStream jfr = JfrStream.start(SETTINGS, sink.clock, sink);
                RunningServer server = ServerVariants.byName("virtual-threads")
                        .start(ServerConfig.of(Workloads.parse("pinned:20ms", "--workload").newHandler()))) {
            Pinned pinned = sink.awaitWhileRepeating(Pinned.class,
                    p -> p.frames().stream().anyMatch(f -> f.startsWith(comparator)),
                    () -> request(server));

            assertThat(pinned.reason()).isEqualTo("Native or VM frame on stack");
            assertThat(pinned.role()).as("a connection thread, loupe-server-conn-N").isEqualTo(ThreadRole.SERVER);
            assertThat(pinned.durationMs()).isGreaterThanOrEqualTo(20.0);
            assertThat(pinned.frames()).hasSizeLessThanOrEqualTo(Frames.MAX_FRAMES)
                    .anyMatch(f -> f.startsWith("java.lang.Thread.sleep"));
        }
    }

    @Test
    void stopWritesTheWholeRunsRecordingAfterDeliveringEverything(@TempDir Path dir) throws Exception {
        RecordingSink sink = new RecordingSink();
        Path file = dir.resolve("recording.jfr");
        JfrStream jfr = JfrStream.start(SETTINGS, sink.clock, sink);
        System.gc();
        JfrStream.Stats stats = jfr.stop(Optional.of(file));

        assertThat(sink.all(Gc.class)).as("delivered before stop returns, no waiting")
                .anyMatch(g -> g.cause().equals("System.gc()"));
        assertThat(stats.delivered()).isEqualTo(sink.eventCalls()).isPositive();
        assertThat(stats.failed()).isZero();
        assertThat(Files.list(dir).toList()).as("no temporary file left").containsExactly(file);
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        assertThat(events).anyMatch(e -> e.getEventType().getName().equals("jdk.GarbageCollection")
                && e.getString("cause").equals("System.gc()"));

        int calls = sink.calls.size();
        jfr.close();
        jfr.close();
        assertThatThrownBy(() -> jfr.stop(Optional.of(file))).isInstanceOf(IllegalStateException.class);
        assertThat(sink.calls).as("nothing after stop").hasSize(calls);
    }

    /**
     * A prompt stop (a run the user stopped) writes the recording without waiting for JFR's next batch:
     * the file has the System.gc() that a normal stop would have delivered, and no sink call follows.
     */
    @Test
    void aPromptStopWritesTheRecordingAndDeliversNothingAfter(@TempDir Path dir) throws Exception {
        RecordingSink sink = new RecordingSink();
        Path file = dir.resolve("recording.jfr");
        JfrStream jfr = JfrStream.start(SETTINGS, sink.clock, sink);
        System.gc();
        jfr.stopPromptly(Optional.of(file));

        int calls = sink.calls.size();
        assertThat(Files.list(dir).toList()).as("no temporary file left").containsExactly(file);
        assertThat(RecordingFile.readAllEvents(file)).anyMatch(e -> e.getEventType().getName().equals("jdk.GarbageCollection")
                && e.getString("cause").equals("System.gc()"));
        Thread.sleep(1500); // a batch would have come by now
        assertThat(sink.calls).as("nothing after the prompt stop").hasSize(calls);
        assertThatThrownBy(() -> jfr.stopPromptly(Optional.of(file))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stopWithoutAFileWritesNothingAndCloseIsIdempotent(@TempDir Path dir) throws Exception {
        RecordingSink sink = new RecordingSink();
        JfrStream jfr = JfrStream.start(SETTINGS, sink.clock, sink);
        jfr.stop(Optional.empty());
        jfr.close();
        jfr.close();
        assertThat(dir).isEmptyDirectory();

        JfrStream closed = JfrStream.start(SETTINGS, sink.clock, sink);
        closed.close();
        closed.close();
        assertThatThrownBy(() -> closed.stop(Optional.of(dir.resolve("recording.jfr"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aSinkThatAlwaysThrowsIsCountedAndTheStreamCarriesOn() throws Exception {
        AtomicInteger gcCalls = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        JvmEvents throwing = new ThrowingSink(calls, gcCalls);
        JfrStream jfr = JfrStream.start(SETTINGS, RunClock.startingNow(), throwing);
        try {
            System.gc();
            awaitUntil(() -> gcCalls.get() >= 1 && jfr.stats().failed() >= 1, "a first gc call, counted as failed");
            System.gc();
            awaitUntil(() -> gcCalls.get() >= 2, "a gc call after the first failures");
        } finally {
            JfrStream.Stats stats = jfr.stop(Optional.empty());
            assertThat(stats.delivered()).isZero();
            assertThat(stats.failed()).as("every call failed and was counted").isEqualTo(calls.get());
            assertThat(stats.firstFailure()).get().extracting(Throwable::getMessage).isEqualTo("sink broken");
        }
    }

    /**
     * Two streams at once over one workload of 5 ms monitor waits: the 50 ms stream sees none of the
     * waits the 1 ms control sees, although JFR hands both streams every event (it records for the
     * lower threshold), so the stream's own filter is what is checked.
     */
    @Test
    void waitsBelowTheLockThresholdAreNotReportedEvenWhenAnotherRecordingAsksForThem() throws Exception {
        RecordingSink fine = new RecordingSink();
        RecordingSink coarse = new RecordingSink();
        String lockClass = ContendedMonitor.class.getName();
        Predicate<LockWait> ours = w -> w.kind() == LockKind.MONITOR && w.lockClass().equals(lockClass);
        try (JfrStream control = JfrStream.start(SETTINGS, fine.clock, fine);
                JfrStream jfr = JfrStream.start(settings(Duration.ofMillis(50)), coarse.clock, coarse)) {
            ContendedMonitor monitor = new ContendedMonitor();
            LockWait seen = fine.awaitWhileRepeating(LockWait.class, ours.and(w -> w.durationMs() < 50),
                    () -> contend(4, 5, () -> holdMonitor(monitor, 5)));
            // The coarse stream has had the same flushes by the time it passes the control's event.
            coarse.await(Flushed.class, f -> f.upToMs() > seen.atMs());
        }
        // Not isEmpty: a holder descheduled on a noisy machine can make a real wait of 50 ms.
        assertThat(coarse.all(LockWait.class)).filteredOn(ours).allSatisfy(w ->
                assertThat(w.durationMs()).isGreaterThanOrEqualTo(50.0));
    }

    // Workloads.

    private static TelemetryOptions settings(Duration lockThreshold) {
        return new TelemetryOptions(lockThreshold, Duration.ofMillis(1), Duration.ofMillis(20));
    }

    /** Runs {@code body} {@code rounds} times on each of {@code threads} platform server workers at once. */
    private static void contend(int threads, int rounds, Runnable body) {
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            started.add(Thread.ofPlatform().name("loupe-server-worker-" + t).start(() -> {
                for (int i = 0; i < rounds; i++) {
                    body.run();
                }
            }));
        }
        for (Thread t : started) {
            try {
                assertThat(t.join(BOUND)).as("worker finished").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void holdMonitor(ContendedMonitor monitor, long ms) {
        synchronized (monitor) {
            spin(ms);
        }
    }

    private static void holdLock(ReentrantLock lock, long ms) {
        lock.lock();
        try {
            spin(ms);
        } finally {
            lock.unlock();
        }
    }

    private static void spin(long ms) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void request(RunningServer server) {
        try (RawClient client = RawClient.to(server)) {
            assertThat(client.send(RawClient.get("/")).read().status()).isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitUntil(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as(what + " within " + BOUND).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    // The recording sink.

    sealed interface Call {}

    /** An event call; {@code atMs} is the event's end. */
    sealed interface EventCall extends Call {
        long atMs();
    }

    record Gc(long atMs, String collector, String cause, double pauseMsTotal, double pauseMsLongest) implements EventCall {}

    record HeapAtGc(long atMs, long gcId, boolean afterGc, long usedBytes, long committedBytes) implements EventCall {}

    record Pinned(long atMs, double durationMs, ThreadRole role, String reason, List<String> frames) implements EventCall {}

    record LockWait(long atMs, LockKind kind, double durationMs, ThreadRole role, String lockClass, List<String> frames)
            implements EventCall {}

    record Slept(long atMs, double durationMs, ThreadRole role, List<String> frames) implements EventCall {}

    record Cpu(long atMs, double processPct, double machinePct) implements EventCall {}

    record Sample(long atMs, ThreadRole role, List<String> frames, String collapsed) implements EventCall {}

    record Allocation(long atMs, ThreadRole role, String objectClass, long weightBytes, String collapsed) implements EventCall {}

    record Safepoint(long atMs, double durationMs) implements EventCall {}

    /** A flush, with the run's clock read when it was reported. */
    record Flushed(long upToMs, long nowMs) implements Call {}

    /** Keeps every call in order (they all come from one thread) and the names of the threads that made them. */
    static final class RecordingSink implements JvmEvents {
        final Queue<Call> calls = new ConcurrentLinkedQueue<>();
        final Queue<String> threads = new ConcurrentLinkedQueue<>();
        /** The run's clock: give it to the stream too, so that {@link Flushed#nowMs} is on its time base. */
        final RunClock clock = RunClock.startingNow();

        private void add(Call call) {
            String name = Thread.currentThread().getName();
            if (!threads.contains(name)) {
                threads.add(name);
            }
            calls.add(call);
        }

        <T extends Call> List<T> all(Class<T> type) {
            return calls.stream().filter(type::isInstance).map(type::cast).toList();
        }

        long eventCalls() {
            return calls.stream().filter(c -> c instanceof EventCall).count();
        }

        /** Events delivered after a flush whose {@code upToMs} was already past their end. */
        List<EventCall> stragglers() {
            List<EventCall> late = new ArrayList<>();
            long flushedTo = Long.MIN_VALUE;
            for (Call c : calls) {
                if (c instanceof Flushed f) {
                    flushedTo = f.upToMs();
                } else if (c instanceof EventCall e && e.atMs() < flushedTo) {
                    late.add(e);
                }
            }
            return late;
        }

        <T extends Call> T await(Class<T> type, Predicate<T> test) throws InterruptedException {
            return awaitWhileRepeating(type, test, () -> {});
        }

        /** Polls for a matching call, running {@code workload} again each time none has come yet. */
        <T extends Call> T awaitWhileRepeating(Class<T> type, Predicate<T> test, Runnable workload)
                throws InterruptedException {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (true) {
                Optional<T> found = all(type).stream().filter(test).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                assertThat(System.nanoTime()).as("a matching " + type.getSimpleName() + " within " + BOUND
                        + "; calls so far: " + calls.size()).isLessThan(deadline);
                workload.run();
                Thread.sleep(50);
            }
        }

        @Override
        public void gc(long atMs, String collector, String cause, double pauseMsTotal, double pauseMsLongest) {
            add(new Gc(atMs, collector, cause, pauseMsTotal, pauseMsLongest));
        }

        @Override
        public void heapAtGc(long atMs, long gcId, boolean afterGc, long usedBytes, long committedBytes) {
            add(new HeapAtGc(atMs, gcId, afterGc, usedBytes, committedBytes));
        }

        @Override
        public void pinned(long atMs, double durationMs, ThreadRole role, String reason, List<String> frames) {
            add(new Pinned(atMs, durationMs, role, reason, frames));
        }

        @Override
        public void lockWait(long atMs, LockKind kind, double durationMs, ThreadRole role, String lockClass,
                List<String> frames) {
            add(new LockWait(atMs, kind, durationMs, role, lockClass, frames));
        }

        @Override
        public void slept(long atMs, double durationMs, ThreadRole role, List<String> frames) {
            add(new Slept(atMs, durationMs, role, frames));
        }

        @Override
        public void cpu(long atMs, double processPct, double machinePct) {
            add(new Cpu(atMs, processPct, machinePct));
        }

        @Override
        public void executionSample(long atMs, ThreadRole role, List<String> frames, String collapsed) {
            add(new Sample(atMs, role, frames, collapsed));
        }

        @Override
        public void allocation(long atMs, ThreadRole role, String objectClass, long weightBytes, String collapsed) {
            add(new Allocation(atMs, role, objectClass, weightBytes, collapsed));
        }

        @Override
        public void safepoint(long atMs, double durationMs) {
            add(new Safepoint(atMs, durationMs));
        }

        @Override
        public void flushed(long upToMs) {
            add(new Flushed(upToMs, clock.nowMs()));
        }
    }

    /** Counts its calls, then throws. */
    private record ThrowingSink(AtomicInteger calls, AtomicInteger gcCalls) implements JvmEvents {
        private void fail() {
            calls.incrementAndGet();
            throw new IllegalStateException("sink broken");
        }

        @Override
        public void gc(long atMs, String collector, String cause, double pauseMsTotal, double pauseMsLongest) {
            gcCalls.incrementAndGet();
            fail();
        }

        @Override
        public void heapAtGc(long atMs, long gcId, boolean afterGc, long usedBytes, long committedBytes) {
            fail();
        }

        @Override
        public void pinned(long atMs, double durationMs, ThreadRole role, String reason, List<String> frames) {
            fail();
        }

        @Override
        public void lockWait(long atMs, LockKind kind, double durationMs, ThreadRole role, String lockClass,
                List<String> frames) {
            fail();
        }

        @Override
        public void slept(long atMs, double durationMs, ThreadRole role, List<String> frames) {
            fail();
        }

        @Override
        public void cpu(long atMs, double processPct, double machinePct) {
            fail();
        }

        @Override
        public void executionSample(long atMs, ThreadRole role, List<String> frames, String collapsed) {
            fail();
        }

        @Override
        public void allocation(long atMs, ThreadRole role, String objectClass, long weightBytes, String collapsed) {
            fail();
        }

        @Override
        public void safepoint(long atMs, double durationMs) {
            fail();
        }

        @Override
        public void flushed(long upToMs) {
            fail();
        }
    }
}
