package dev.loupe.engine.server.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What keeps one connection's trouble on that connection: a failure inside the server (not the
 * handler's ordinary exception, which is a 500) closes that connection and the loop carries on; and a
 * loop's state cannot be touched from another thread (assertions, on in tests).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IsolationTest {
    private static final Duration SOON = Duration.ofSeconds(15);
    private final List<AutoCloseable> closeables = new ArrayList<>();

    /** An Error, which the core does not turn into a 500: it stands for a bug inside the server. */
    private final RequestHandler handler = request -> {
        if (request.path().equals("/bug")) {
            throw new LinkageError("a failure inside the server, on purpose");
        }
        return HttpResponse.text(200, request.target());
    };

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closeables.reversed()) {
            c.close();
        }
    }

    private RunningServer start(String variant) throws Exception {
        RunningServer server = ServerVariants.byName(variant).start(ServerConfig.of(handler).withThreads(1));
        closeables.add(server);
        return server;
    }

    private RawClient client(RunningServer server) throws Exception {
        RawClient c = RawClient.to(server);
        closeables.add(c);
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"event-loop", "event-loop-offload"})
    void aFailureInsideTheServerClosesOnlyThatConnection(String variant) throws Exception {
        RunningServer server = start(variant);
        RawClient bystander = client(server); // same, only loop
        assertThat(bystander.send(RawClient.get("/before")).read().status()).isEqualTo(200);

        RawClient victim = client(server);
        victim.send(RawClient.get("/bug"));
        assertThat(victim.closedByServer(SOON)).as("that connection is closed, with no answer").isTrue();

        assertThat(bystander.send(RawClient.get("/after")).read().body()).as("the loop carries on").isEqualTo("/after");
        assertThat(client(server).send(RawClient.get("/new")).read().status()).isEqualTo(200);
        assertThat(((NioServer) server).core().internalErrors()).as("counted as the server's own failure").isEqualTo(1);
    }

    @Test
    void aLoopsStateCannotBeTouchedFromAnotherThread() throws Exception {
        assumeTrue(EventLoop.class.desiredAssertionStatus(), "assertions are enabled (surefire enables them)");
        RunningServer server = start("event-loop");
        EventLoop loop = (EventLoop) server.dispatchTargets().getFirst();
        assertThatThrownBy(loop::connectionCount).isInstanceOf(AssertionError.class)
                .hasMessageContaining("off its loop thread");

        CountDownLatch onLoop = new CountDownLatch(1);
        int[] seen = {-1};
        loop.execute(() -> { // control: on its own thread the same call is fine
            seen[0] = loop.connectionCount();
            onLoop.countDown();
        });
        assertThat(onLoop.await(SOON.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(seen[0]).isZero();
    }
}
