package dev.loupe.engine.server.nio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.ProcessResources;
import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerThreads;
import dev.loupe.engine.server.ServerVariants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A forced stop with every kind of connection at once, spread over several loops: handlers blocked
 * (on loops, or on workers), idle keep-alive connections, half-sent requests, lingering refusals. When
 * {@code close()} returns (within the graceful bound plus the forced wait), every server thread —
 * acceptor, loops, workers — has ended and every descriptor is released.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ForcedStopTest {
    private static final Duration SOON = Duration.ofSeconds(15);

    @ParameterizedTest
    @ValueSource(strings = {"event-loop", "event-loop-offload"})
    void everyThreadAndDescriptorIsReleased(String variant) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger blocked = new AtomicInteger();
        RequestHandler handler = request -> {
            if (request.path().equals("/block")) {
                blocked.incrementAndGet();
                never.await();
            }
            return HttpResponse.text(200, "ok");
        };
        int threadsBefore = ProcessResources.threadsNamed(ServerThreads.PREFIX);
        int descriptorsBefore = ProcessResources.openFileDescriptors();
        Duration graceful = Duration.ofMillis(500);
        RunningServer server = ServerVariants.byName(variant).start(ServerConfig.of(handler).withThreads(3)
                .withLimits(HttpLimits.DEFAULTS.withGracefulStopTimeout(graceful)));
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) { // on loops 0 and 1 (round-robin)
                clients.add(RawClient.to(server).send(RawClient.get("/block")));
            }
            long deadline = System.nanoTime() + SOON.toNanos();
            while (blocked.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(blocked.get()).isEqualTo(2);
            for (int i = 0; i < 12; i++) {
                RawClient c = RawClient.to(server);
                clients.add(c);
                switch (i % 3) { // with event-loop, loops 0 and 1 are blocked: case 0 lands on the free loop 2
                    case 0 -> assertThat(c.send("GET / HTTP/9.9\r\nHost: t\r\n\r\n").read().status())
                            .as("refused, then lingering").isEqualTo(505);
                    case 1 -> c.send("GET / HTTP/1.1\r\nHost: t\r\n"); // half-sent
                    default -> { } // idle
                }
            }
            assertThat(ProcessResources.awaitAtMost(() -> 14 - server.openConnections(), 0, SOON)).isZero();

            long startNanos = System.nanoTime();
            server.close();
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            assertThat(took).isLessThan(graceful.plus(HttpLimits.FORCED_STOP_WAIT).plusSeconds(3));
            assertThat(server.openConnections()).isZero();
            for (RawClient c : clients) {
                assertThat(c.closedByServer(SOON)).isTrue();
            }
        } finally {
            never.countDown();
            server.close();
            for (RawClient c : clients) {
                c.close();
            }
        }
        assertThat(ProcessResources.threadsNamed(ServerThreads.PREFIX)).as("server threads after stop")
                .isLessThanOrEqualTo(threadsBefore);
        int slack = 2; // the JDK may open a descriptor of its own meanwhile
        assertThat(ProcessResources.awaitAtMost(ProcessResources::openFileDescriptors, descriptorsBefore + slack, SOON))
                .as("open descriptors after stop").isLessThanOrEqualTo(descriptorsBefore + slack);
    }
}
