package dev.loupe.engine.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code pinned} and {@code contended} show up in JFR as the events Loupe's telemetry reads, with an
 * in-process {@link RecordingStream} and the thresholds telemetry uses (0 ms for pinning, 1 ms for
 * monitor enter): pinning from a real server on virtual threads, monitor waits on platform threads. Each has a control run first in the same
 * stream, whose events (had there been any) are delivered before the later run's: JFR delivers in
 * order of flush, about once a second. Waits are bounded; the machine is shared.
 */
@Tag("timing")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JfrWorkloadsTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String WORKLOAD_PACKAGE = "dev.loupe.engine.server.workload.";

    @Test
    void pinnedPinsAVirtualThreadInANativeUpcallAndSleepDoesNot() throws Exception {
        List<RecordedEvent> ours = new CopyOnWriteArrayList<>();
        CountDownLatch pinned = new CountDownLatch(1);
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            stream.onEvent("jdk.VirtualThreadPinned", e -> {
                if (hasFrame(e, f -> f.getMethod().getType().getName().startsWith(WORKLOAD_PACKAGE))) {
                    ours.add(e);
                    if (hasFrame(e, isPinnedComparator())) {
                        pinned.countDown();
                    }
                }
            });
            startAndWaitUntilRecording(stream);

            serve("sleep:20ms", 5, 1); // control: a virtual thread sleeping in Java code unmounts
            serve("pinned:20ms", 1, 1);
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (!pinned.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                serve("pinned:20ms", 1, 1);
            }
        }
        assertThat(pinned.getCount()).as("a jdk.VirtualThreadPinned event within " + BOUND).isZero();
        assertThat(ours).as("control: no pinning in sleep's handler")
                .noneMatch(e -> hasFrame(e, f -> f.getMethod().getType().getName().startsWith(Sleep.class.getName())));
        RecordedEvent event = ours.stream().filter(e -> hasFrame(e, isPinnedComparator())).findFirst().orElseThrow();
        assertThat(event.getString("pinnedReason")).isEqualTo("Native or VM frame on stack");
        assertThat(event.getDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        assertThat(hasFrame(event, f -> f.getMethod().getType().getName().equals("java.lang.Thread")
                && f.getMethod().getName().equals("sleep"))).as("the sleep frame").isTrue();
    }

    /**
     * On platform threads, as the thread-per-connection and pool variants run handlers. (On JDK 25 a
     * virtual thread that waits for a monitor unmounts, and JFR records no {@code JavaMonitorEnter}
     * for it: measured on 25.0.3, so the virtual-threads server cannot show this event.)
     */
    @Test
    void contendedMakesPlatformThreadsWaitForOneMonitor() throws Exception {
        List<RecordedEvent> ours = new CopyOnWriteArrayList<>();
        CountDownLatch entered = new CountDownLatch(1);
        String lockClass = Contended.GlobalLock.class.getName();
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(1)).withStackTrace();
            stream.onEvent("jdk.JavaMonitorEnter", e -> {
                if (e.getClass("monitorClass").getName().equals(lockClass)) {
                    ours.add(e);
                    entered.countDown();
                }
            });
            startAndWaitUntilRecording(stream);

            // Control: one thread alone never waits; its events (there should be none) arrive first.
            callAtOnce(Workloads.parse("contended:5ms", "--workload").newHandler(), 1, 40);
            RequestHandler handler = Workloads.parse("contended:5ms", "--workload").newHandler();
            long deadline = System.nanoTime() + BOUND.toNanos();
            do {
                callAtOnce(handler, 4, 10);
            } while (!entered.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline);
        }
        assertThat(ours).as("jdk.JavaMonitorEnter on " + lockClass + " within " + BOUND).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getThread().getJavaName()).startsWith("contender-4-"));
        RecordedEvent event = ours.getFirst();
        assertThat(event.getDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(1));
        assertThat(hasFrame(event, f -> f.getMethod().getType().getName().startsWith(Contended.class.getName())))
                .as("the handler's frame").isTrue();
    }

    /** Calls the handler {@code callsEach} times on each of {@code threads} platform threads at once. */
    private static void callAtOnce(RequestHandler handler, int threads, int callsEach) throws Exception {
        List<Thread> started = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            started.add(Thread.ofPlatform().name("contender-" + threads + "-" + t).start(() -> {
                try {
                    for (int i = 0; i < callsEach; i++) {
                        handler.handle(FakeRequest.get("/"));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : started) {
            t.join(BOUND);
        }
        assertThat(failures).isEmpty();
    }

    private static Predicate<RecordedFrame> isPinnedComparator() {
        return f -> f.getMethod().getType().getName().equals(Pinned.Handler.class.getName())
                && f.getMethod().getName().equals("compare");
    }

    private static boolean hasFrame(RecordedEvent e, Predicate<RecordedFrame> test) {
        return e.getStackTrace() != null && e.getStackTrace().getFrames().stream().anyMatch(test);
    }

    /** Starts the stream and returns once it delivers: a flush has happened, so the recording runs. */
    private static void startAndWaitUntilRecording(RecordingStream stream) throws InterruptedException {
        CountDownLatch flushed = new CountDownLatch(1);
        stream.onFlush(flushed::countDown);
        stream.startAsync();
        assertThat(flushed.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the stream flushed").isTrue();
    }

    private static RunningServer start(String spec) throws Exception {
        return ServerVariants.byName("virtual-threads")
                .start(ServerConfig.of(Workloads.parse(spec, "--workload").newHandler()));
    }

    /** Starts a server, sends {@code requests} on each of {@code clients} connections at once, stops it. */
    private static void serve(String spec, int requests, int clients) throws Exception {
        try (RunningServer server = start(spec)) {
            runClients(server, clients, requests);
        }
    }

    private static void runClients(RunningServer server, int clients, int requestsEach) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (RawClient client = RawClient.to(server)) {
                    for (int i = 0; i < requestsEach; i++) {
                        assertThat(client.send(RawClient.get("/")).read().status()).isEqualTo(200);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        for (Thread t : threads) {
            t.join(BOUND);
        }
        assertThat(failures).isEmpty();
    }
}
