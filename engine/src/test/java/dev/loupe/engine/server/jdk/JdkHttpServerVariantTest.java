package dev.loupe.engine.server.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDK server's own choices: its executors, and what the adapter hands the handler. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdkHttpServerVariantTest {

    @ParameterizedTest
    @ValueSource(strings = {"fixed", "virtual", "cached"})
    void eachExecutorServesTheHandlerAndRunsProbesOnItsThreads(String executor) throws Exception {
        AtomicReference<String> handlerThread = new AtomicReference<>();
        ServerConfig config = ServerConfig.of(request -> {
            handlerThread.set(Thread.currentThread().getName());
            return HttpResponse.text(200, request.method() + " " + request.target() + " " + request.version().text()
                    + " host=" + request.header("HOST").orElse("?") + " headers=" + request.headerCount()
                    + " body=" + request.bodyText());
        }).withOption("executor", executor);
        try (RunningServer server = ServerVariants.byName("jdk-httpserver").start(config);
                RawClient c = RawClient.to(server)) {
            RawClient.Response r = c.send("POST /echo?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nping").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("POST /echo?x=1 HTTP/1.1 host=h headers=2 body=ping");
            assertThat(handlerThread.get()).startsWith(JdkHttpServerVariant.THREAD_PREFIX);

            DispatchTarget target = server.dispatchTargets().getFirst();
            assertThat(target.name()).isEqualTo(executor + "-executor");
            CountDownLatch ran = new CountDownLatch(1);
            AtomicReference<String> probeThread = new AtomicReference<>();
            target.execute(() -> {
                probeThread.set(Thread.currentThread().getName());
                ran.countDown();
            });
            assertThat(ran.await(15, TimeUnit.SECONDS)).isTrue();
            assertThat(probeThread.get()).startsWith(target.threadNamePrefix());
        }
    }

    /**
     * The cached executor at its cap sheds instead of letting the JDK close the exchange unanswered:
     * a second request while the only thread is busy gets 503 at once, and is counted; the control is
     * the first request, served once the thread is free.
     */
    @Test
    void aCachedExecutorAtItsCapAnswers503AndCountsIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        ServerConfig config = ServerConfig.of(request -> {
            busy.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HttpResponse.text(200, "done\n");
        }).withOption("executor", "cached").withMaxThreads(1);
        try (RunningServer server = ServerVariants.byName("jdk-httpserver").start(config);
                RawClient first = RawClient.to(server);
                RawClient second = RawClient.to(server)) {
            first.send(RawClient.get("/slow"));
            assertThat(busy.await(15, TimeUnit.SECONDS)).isTrue();

            RawClient.Response shed = second.send(RawClient.get("/next")).read();
            assertThat(shed.status()).isEqualTo(503);
            assertThat(shed.header("retry-after")).isEqualTo("1");
            assertThat(shed.header("connection")).isEqualToIgnoringCase("close");
            assertThat(server.refusedConnections()).isEqualTo(1);

            release.countDown();
            assertThat(first.read().status()).as("control: the request that had a thread").isEqualTo(200);
        }
    }

    @Test
    void anUnknownExecutorIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> ServerVariants.byName("jdk-httpserver")
                .start(ServerConfig.of(request -> HttpResponse.empty(204)).withOption("executor", "forkjoin")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server.options.executor: \"forkjoin\" (expected: one of fixed, virtual, cached, for jdk-httpserver)");
    }

    @Test
    void procNetTcpRowsAreCountedByLocalPortAndOpenState() {
        // sl local_address rem_address st ... (a listener, an established one, one the client closed, a TIME_WAIT)
        assertThat(OpenSockets.matches("   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000", 8080)).isFalse();
        assertThat(OpenSockets.matches("   1: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000", 8080)).isTrue();
        assertThat(OpenSockets.matches("   2: 0100007F:1F90 0100007F:D432 08 00000000:00000000 00:00000000", 8080)).isTrue();
        assertThat(OpenSockets.matches("   3: 0100007F:1F90 0100007F:D433 06 00000000:00000000 00:00000000", 8080)).isFalse();
        assertThat(OpenSockets.matches("   4: 0100007F:D431 0100007F:1F90 01 00000000:00000000 00:00000000", 8080))
                .as("the client's end of the same connection").isFalse();
        assertThat(OpenSockets.matches("   5: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:D431 01 0", 8080))
                .as("IPv6").isTrue();
        assertThat(OpenSockets.matches("garbage", 8080)).isFalse();
    }
}
