package dev.loupe.engine.server.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.ProcessResources;
import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dispatch targets telemetry probes: one per loop, plus the worker pool for offload. The point of
 * each variant shows here: with {@code event-loop} a blocked handler holds its loop's probe until it
 * returns; with {@code event-loop-offload} the loop's probe stays prompt while every worker is busy
 * (and the workers' probe waits). Every case has its control, and no wait asserts a speed: "prompt"
 * means "ran while the handler was still blocked", "held" means "had not run after a pause".
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DispatchTargetsTest {
    private static final Duration SOON = Duration.ofSeconds(15);
    /** How long a held probe is watched not running; long enough to mean something on a busy machine. */
    private static final Duration HELD = Duration.ofMillis(300);

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger blocked = new AtomicInteger();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private final RequestHandler handler = request -> {
        if (request.path().equals("/block")) {
            blocked.incrementAndGet();
            release.await();
        }
        return HttpResponse.text(200, "ok");
    };

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        for (AutoCloseable c : closeables.reversed()) {
            c.close();
        }
    }

    private RunningServer start(String variant, ServerConfig config) throws Exception {
        RunningServer server = ServerVariants.byName(variant).start(config);
        closeables.add(server);
        return server;
    }

    private RawClient client(RunningServer server) throws Exception {
        RawClient c = RawClient.to(server);
        closeables.add(c);
        return c;
    }

    private void awaitBlocked(int count) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (blocked.get() < count) {
            assertThat(System.nanoTime()).as("%d handlers blocked in time", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** A probe that notes when it ran. */
    private static final class Probe implements Runnable {
        final CountDownLatch ran = new CountDownLatch(1);
        volatile String thread;

        @Override
        public void run() {
            thread = Thread.currentThread().getName();
            ran.countDown();
        }

        boolean ranWithin(Duration d) throws InterruptedException {
            return ran.await(d.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private static Probe probe(DispatchTarget target) {
        Probe p = new Probe();
        target.execute(p);
        return p;
    }

    @Test
    void oneTargetPerLoopNamedAfterItsThreadAndAPoolTargetForOffload() throws Exception {
        RunningServer loops = start("event-loop", ServerConfig.of(handler).withThreads(3));
        assertThat(loops.dispatchTargets()).extracting(DispatchTarget::name).containsExactly("loop-0", "loop-1", "loop-2");
        for (DispatchTarget t : loops.dispatchTargets()) {
            Probe p = probe(t);
            assertThat(p.ranWithin(SOON)).isTrue();
            assertThat(p.thread).as("runs on the loop it names").isEqualTo(t.threadNamePrefix());
        }

        RunningServer offload = start("event-loop-offload", ServerConfig.of(handler).withThreads(2).withOption("workers", "3"));
        assertThat(offload.dispatchTargets()).extracting(DispatchTarget::name).containsExactly("loop-0", "loop-1", "workers");
        DispatchTarget workers = offload.dispatchTargets().get(2);
        assertThat(workers.threadNamePrefix()).isEqualTo("loupe-server-worker-");
        Probe p = probe(workers);
        assertThat(p.ranWithin(SOON)).isTrue();
        assertThat(p.thread).startsWith(workers.threadNamePrefix());
        assertThat(ProcessResources.threadsNamed(workers.threadNamePrefix())).as("worker threads").isEqualTo(3);
    }

    @Test
    void aBlockedHandlerHoldsItsLoopsProbeUntilItReturns() throws Exception {
        RunningServer server = start("event-loop", ServerConfig.of(handler).withThreads(1));
        DispatchTarget loop = server.dispatchTargets().getFirst();
        client(server).send(RawClient.get("/block"));
        awaitBlocked(1);

        Probe p = probe(loop);
        assertThat(p.ranWithin(HELD)).as("the loop is stuck in the handler").isFalse();
        release.countDown();
        assertThat(p.ranWithin(SOON)).as("runs once the handler returns").isTrue();
    }

    @Test
    void controlAFreeLoopRunsItsProbePromptly() throws Exception {
        RunningServer server = start("event-loop", ServerConfig.of(handler).withThreads(1));
        RawClient c = client(server);
        assertThat(c.send(RawClient.get("/")).read().status()).isEqualTo(200);
        Probe p = probe(server.dispatchTargets().getFirst());
        assertThat(p.ranWithin(SOON)).as("nothing is blocking the loop").isTrue();
    }

    @Test
    void withOffloadTheLoopStaysPromptWhileEveryWorkerIsBlocked() throws Exception {
        RunningServer server = start("event-loop-offload",
                ServerConfig.of(handler).withThreads(1).withOption("workers", "2"));
        DispatchTarget loop = server.dispatchTargets().get(0);
        DispatchTarget workers = server.dispatchTargets().get(1);
        client(server).send(RawClient.get("/block"));
        client(server).send(RawClient.get("/block"));
        awaitBlocked(2);

        Probe loopProbe = probe(loop);
        assertThat(loopProbe.ranWithin(SOON)).as("the loop is free: handlers run elsewhere").isTrue();
        assertThat(release.getCount()).as("and the handlers were still blocked").isOne();

        Probe workerProbe = probe(workers);
        assertThat(workerProbe.ranWithin(HELD)).as("every worker is busy: the pool's probe waits in the queue").isFalse();
        release.countDown();
        assertThat(workerProbe.ranWithin(SOON)).isTrue();
    }

    @Test
    void theLessonABlockedHandlerStallsEveryConnectionOfItsLoop() throws Exception {
        RunningServer server = start("event-loop", ServerConfig.of(handler).withThreads(1));
        client(server).send(RawClient.get("/block"));
        awaitBlocked(1);
        Socket other = new Socket();
        closeables.add(other);
        other.connect(server.address(), 10_000);
        other.getOutputStream().write(RawClient.get("/other").getBytes(StandardCharsets.ISO_8859_1));
        other.setSoTimeout((int) HELD.toMillis());
        assertThatThrownBy(() -> other.getInputStream().read()).as("not answered while the loop is in the handler")
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(server.openConnections()).as("though accepted: the acceptor is not the loop").isEqualTo(2);
        release.countDown();
        other.setSoTimeout((int) SOON.toMillis());
        assertThat(other.getInputStream().read()).as("answered once the handler returns").isEqualTo('H');
    }

    @Test
    void controlWithOffloadOtherConnectionsAreServedWhileAHandlerBlocks() throws Exception {
        RunningServer server = start("event-loop-offload", ServerConfig.of(handler).withThreads(1));
        client(server).send(RawClient.get("/block"));
        awaitBlocked(1);
        assertThat(client(server).send(RawClient.get("/other")).read().status()).isEqualTo(200);
        assertThat(release.getCount()).as("while the handler was still blocked").isOne();
    }

    @Test
    void aStoppedServersTargetsRejectProbes() throws Exception {
        RunningServer server = start("event-loop-offload", ServerConfig.of(handler).withThreads(1));
        List<DispatchTarget> targets = server.dispatchTargets();
        server.close();
        for (DispatchTarget t : targets) {
            assertThatThrownBy(() -> t.execute(() -> { })).as(t.name()).isInstanceOf(RejectedExecutionException.class);
        }
    }
}
