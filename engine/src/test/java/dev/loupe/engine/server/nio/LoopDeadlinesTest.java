package dev.loupe.engine.server.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.measure.ManualNanoClock;
import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loop's deadlines run on its injected clock: a test moves a manual clock past a timeout and the
 * loop acts at its next turn, with no sleeping through the real timeout. Each case checks the moment
 * just before the deadline too (nothing happens) and just after (it happens).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoopDeadlinesTest {
    private static final Duration SOON = Duration.ofSeconds(15);
    private static final Duration ALMOST = Duration.ofMillis(1);

    private final ManualNanoClock clock = new ManualNanoClock(-5_000_000_000L);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private RunningServer server;
    private DispatchTarget loop;

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closeables.reversed()) {
            c.close();
        }
    }

    private void start(HttpLimits limits) throws Exception {
        ServerConfig config = ServerConfig.of(request -> HttpResponse.text(200, "ok")).withLimits(limits);
        server = NioServer.start(config, 1, 0, clock);
        closeables.add(server);
        loop = server.dispatchTargets().getFirst();
    }

    private RawClient client() throws Exception {
        RawClient c = RawClient.to(server);
        closeables.add(c);
        turns(); // the acceptor has handed it over and the loop registered it
        return c;
    }

    /** Lets the loop complete two whole turns (tasks, select, deadlines), so it has seen the clock move. */
    private void turns() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            CountDownLatch ran = new CountDownLatch(1);
            loop.execute(ran::countDown);
            assertThat(ran.await(SOON.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    private void awaitOpen(int count) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (server.openConnections() != count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.openConnections()).isEqualTo(count);
    }

    @Test
    void anIdleKeepAliveConnectionClosesWhenTheClockPassesTheIdleTimeout() throws Exception {
        start(HttpLimits.DEFAULTS); // 30 s: a real wait would be unmistakable
        RawClient c = client();
        assertThat(c.send(RawClient.get("/")).read().status()).isEqualTo(200);
        awaitOpen(1);

        clock.advance(HttpLimits.DEFAULTS.idleTimeout().minus(ALMOST));
        turns();
        assertThat(server.openConnections()).as("a millisecond before the deadline").isOne();

        clock.advance(ALMOST.multipliedBy(2));
        turns();
        assertThat(c.closedByServer(SOON)).as("just after it").isTrue();
        awaitOpen(0);
    }

    @Test
    void eachRequestPushesTheIdleDeadlineOut() throws Exception {
        start(HttpLimits.DEFAULTS);
        RawClient c = client();
        for (int i = 0; i < 3; i++) { // three times 20 s: past the 30 s idle timeout, never idle that long
            assertThat(c.send(RawClient.get("/")).read().status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(20));
            turns();
            assertThat(server.openConnections()).isOne();
        }
        clock.advance(Duration.ofSeconds(11));
        turns();
        assertThat(c.closedByServer(SOON)).isTrue();
    }

    @Test
    void aRequestWhoseHeadersDoNotArriveInTimeIsAnswered408() throws Exception {
        start(HttpLimits.DEFAULTS);
        Socket c = new Socket();
        closeables.add(c);
        c.connect(server.address(), 10_000);
        awaitOpen(1); // the acceptor is its own thread: wait until the loop owns the connection
        turns();
        c.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n".getBytes(StandardCharsets.US_ASCII));
        turns();

        clock.advance(HttpLimits.DEFAULTS.headerReadTimeout().minus(ALMOST));
        turns();
        c.getOutputStream().write("X-Still: coming\r\n".getBytes(StandardCharsets.US_ASCII)); // no extension
        turns();
        c.setSoTimeout(100);
        assertThatThrownBy(() -> c.getInputStream().read()).as("nothing a millisecond before the deadline")
                .isInstanceOf(SocketTimeoutException.class);

        clock.advance(ALMOST.multipliedBy(2));
        turns();
        c.setSoTimeout((int) SOON.toMillis());
        String answer = new String(c.getInputStream().readNBytes(32), StandardCharsets.US_ASCII);
        assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout\r\n");
    }

    @Test
    void aSilentNewConnectionClosesAtTheHeaderReadTimeout() throws Exception {
        start(HttpLimits.DEFAULTS);
        RawClient c = client();
        awaitOpen(1); // the acceptor is its own thread: wait until the loop owns the connection
        turns();
        clock.advance(HttpLimits.DEFAULTS.headerReadTimeout().minus(ALMOST));
        turns();
        assertThat(server.openConnections()).isOne();
        clock.advance(ALMOST.multipliedBy(2));
        turns();
        assertThat(c.closedByServer(SOON)).isTrue();
    }
}
