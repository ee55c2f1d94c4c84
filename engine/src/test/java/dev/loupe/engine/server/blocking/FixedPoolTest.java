package dev.loupe.engine.server.blocking;

import static dev.loupe.engine.server.blocking.Gate.SOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.server.ProcessResources;
import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerThreads;
import dev.loupe.engine.server.ServerVariants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What only fixed-pool does: a visible, bounded queue of connections, and probes that wait in it. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FixedPoolTest {
    /** How long a probe must stay unrun behind a busy pool before the test releases the pool. */
    private static final Duration HELD = Duration.ofMillis(300);

    private static RunningServer start(Gate gate, int workers, String queueCapacity) throws Exception {
        return ServerVariants.byName("fixed-pool")
                .start(ServerConfig.of(gate).withThreads(workers).withOption("queueCapacity", queueCapacity));
    }

    @Test
    void queuedConnectionsAreVisibleAndOneBeyondTheQueueIsAnswered503() throws Exception {
        int threadsBefore = ProcessResources.threadsNamed(ServerThreads.PREFIX);
        int descriptorsBefore = ProcessResources.openFileDescriptors();
        Gate gate = new Gate();
        RunningServer server = start(gate, 1, "2");
        List<RawClient> clients = new ArrayList<>();
        try {
            assertThat(ProcessResources.threadsNamed(ServerThreads.WORKER_PREFIX)).as("workers").isEqualTo(1);
            RawClient busy = RawClient.to(server).send(RawClient.get("/block"));
            clients.add(busy);
            gate.awaitBlocked(1);
            assertThat(server.queueLength()).isZero();

            RawClient queued1 = RawClient.to(server).send(RawClient.get("/first"));
            RawClient queued2 = RawClient.to(server).send(RawClient.get("/second"));
            clients.add(queued1);
            clients.add(queued2);
            assertThat(awaitQueueLength(server, 2)).as("queue length").isEqualTo(2);
            assertThat(server.openConnections()).as("queued connections are open").isEqualTo(3);

            try (RawClient beyond = RawClient.to(server)) {
                RawClient.Response refused = beyond.send(RawClient.get("/hello")).read();
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Connection")).isEqualTo("close");
                assertThat(refused.header("Retry-After")).isEqualTo("1");
                assertThat(beyond.closedByServer(SOON)).isTrue();
            }
            assertThat(server.refusedConnections()).isEqualTo(1);
            assertThat(server.queueLength()).as("the refused one never queued").isEqualTo(2);

            gate.open();
            assertThat(busy.read().status()).isEqualTo(200);
            busy.close(); // the worker holds a kept-alive connection until it closes
            assertThat(queued1.read().body()).isEqualTo("/first");
            queued1.close();
            assertThat(queued2.read().body()).isEqualTo("/second");
            assertThat(server.queueLength()).isZero();
        } finally {
            server.close();
            for (RawClient c : clients) {
                c.close();
            }
        }
        assertThat(ProcessResources.awaitAtMost(() -> ProcessResources.threadsNamed(ServerThreads.PREFIX), threadsBefore, SOON))
                .as("threads after stop").isLessThanOrEqualTo(threadsBefore);
        assertThat(ProcessResources.awaitAtMost(ProcessResources::openFileDescriptors, descriptorsBefore + 2, SOON))
                .as("descriptors after stop").isLessThanOrEqualTo(descriptorsBefore + 2);
    }

    @Test
    void withoutAQueueAConnectionIsRefusedUnlessAWorkerIsWaiting() throws Exception {
        Gate gate = new Gate();
        try (RunningServer server = start(gate, 1, "0")) {
            // Without a queue a connection is taken only by a worker already waiting: wait for it first.
            assertThat(ProcessResources.awaitWaitingThread(ServerThreads.WORKER_PREFIX, SOON)).isTrue();
            try (RawClient busy = RawClient.to(server)) {
                busy.send(RawClient.get("/block"));
                gate.awaitBlocked(1);
                try (RawClient next = RawClient.to(server)) {
                    assertThat(next.send(RawClient.get("/hello")).read().status()).isEqualTo(503);
                }
                gate.open();
                assertThat(busy.read().status()).isEqualTo(200);
            }
        }
    }

    @Test
    @Tag("timing")
    void aProbeWaitsInTheQueueBehindABusyPoolUntilAWorkerIsFree() throws Exception {
        Gate gate = new Gate();
        try (RunningServer server = start(gate, 1, "16")) {
            DispatchTarget workers = server.dispatchTargets().getFirst();
            assertThat(workers.name()).isEqualTo("workers");
            assertThat(workers.threadNamePrefix()).isEqualTo(ServerThreads.WORKER_PREFIX);

            RawClient busy = RawClient.to(server)
                    .send("GET /block HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            gate.awaitBlocked(1);
            CountDownLatch ran = new CountDownLatch(1);
            AtomicLong ranAtNanos = new AtomicLong();
            long submittedNanos = System.nanoTime();
            workers.execute(() -> {
                ranAtNanos.set(System.nanoTime());
                ran.countDown();
            });
            assertThat(server.queueLength()).as("the probe is queued like a connection").isEqualTo(1);
            assertThat(ran.await(HELD.toMillis(), TimeUnit.MILLISECONDS)).as("run while the only worker is busy").isFalse();

            long releasedNanos = System.nanoTime();
            gate.open();
            assertThat(busy.read().status()).isEqualTo(200);
            busy.close();
            assertThat(ran.await(SOON.toMillis(), TimeUnit.MILLISECONDS)).as("run once the worker is free").isTrue();
            assertThat(Duration.ofNanos(ranAtNanos.get() - submittedNanos)).as("its dispatch delay covers the wait")
                    .isGreaterThanOrEqualTo(Duration.ofNanos(releasedNanos - submittedNanos));
        }
    }

    @Test
    @Tag("timing")
    void controlAProbeRunsAtOnceWhenAWorkerIsFree() throws Exception {
        Gate gate = new Gate();
        try (RunningServer server = start(gate, 1, "16")) {
            CountDownLatch ran = new CountDownLatch(1);
            server.dispatchTargets().getFirst().execute(ran::countDown);
            assertThat(ran.await(SOON.toMillis(), TimeUnit.MILLISECONDS)).as("run with nothing released").isTrue();
            assertThat(server.queueLength()).isZero();
        }
    }

    @Test
    void queueCapacityIsCheckedAndUnknownOptionsAreRefused() {
        assertThatThrownBy(() -> start(new Gate(), 1, "-1"))
                .hasMessage("server.options.queueCapacity: \"-1\" (expected: a whole number 0..1000000, for fixed-pool)");
        assertThatThrownBy(() -> ServerVariants.byName("fixed-pool")
                .start(ServerConfig.of(new Gate()).withOption("queue", "3")))
                .hasMessage("server.options.queue: \"3\" (expected: an option of fixed-pool, one of queueCapacity)");
    }

    private static int awaitQueueLength(RunningServer server, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        int n = server.queueLength();
        while (n != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
            n = server.queueLength();
        }
        return n;
    }
}
