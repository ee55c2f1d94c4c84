package dev.loupe.engine.server.nio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.ProcessResources;
import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partial writes: a response far larger than the socket buffers, to a client that does not read.
 * The loop must not wait for it (other connections of the same, only loop are served meanwhile), must
 * send every byte once the client reads, answer the request pipelined behind it afterwards and in
 * order, and give up on a client that stops reading for the idle timeout.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowReaderTest {
    private static final Duration SOON = Duration.ofSeconds(15);
    /** Several times what loopback socket buffers hold, so the writes must be partial. */
    private static final int BIG_BYTES = 16 * 1024 * 1024;
    private static final byte[] BIG_BODY = pattern(BIG_BYTES);
    private static final HttpResponse BIG = HttpResponse.of(200, "application/octet-stream", BIG_BODY);

    private final List<AutoCloseable> closeables = new ArrayList<>();

    private final RequestHandler handler = request -> switch (request.path()) {
        case "/big" -> BIG;
        default -> HttpResponse.text(200, request.target());
    };

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closeables.reversed()) {
            c.close();
        }
    }

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + (i * 7 + i / 4096) % 26);
        }
        return b;
    }

    private RunningServer start(String variant, HttpLimits limits) throws IOException {
        RunningServer server = ServerVariants.byName(variant).start(ServerConfig.of(handler).withThreads(1).withLimits(limits));
        closeables.add(server);
        return server;
    }

    /** A client with a small receive window that sends and then reads only when told to. */
    private Socket slowClient(RunningServer server) throws IOException {
        Socket s = new Socket();
        closeables.add(s);
        s.setReceiveBufferSize(4096);
        s.connect(server.address(), 10_000);
        s.setSoTimeout((int) RawClient.READ_TIMEOUT.toMillis());
        return s;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the head: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"event-loop", "event-loop-offload"})
    void aLargeResponseToASlowReaderArrivesWholeWhileTheLoopServesOthers(String variant) throws Exception {
        RunningServer server = start(variant, HttpLimits.DEFAULTS);
        Socket slow = slowClient(server);
        slow.getOutputStream().write((RawClient.get("/big") + RawClient.get("/after-big")).getBytes(StandardCharsets.ISO_8859_1));

        RawClient other = RawClient.to(server); // the same single loop
        closeables.add(other);
        for (int i = 0; i < 20; i++) {
            assertThat(other.send(RawClient.get("/other/" + i)).read().body())
                    .as("served while the big response waits for its reader").isEqualTo("/other/" + i);
            Thread.sleep(10);
        }

        InputStream in = slow.getInputStream();
        String head = readHead(in);
        assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: " + BIG_BYTES + "\r\n");
        byte[] body = in.readNBytes(BIG_BYTES);
        assertThat(body.length).isEqualTo(BIG_BYTES);
        assertThat(Arrays.equals(body, BIG_BODY)).as("every byte, once, in order").isTrue();

        String next = readHead(in);
        assertThat(next).as("the pipelined request behind it, answered after it").startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(new String(in.readNBytes("/after-big".length()), StandardCharsets.ISO_8859_1)).isEqualTo("/after-big");
        assertThat(server.openConnections()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"event-loop", "event-loop-offload"})
    void aClientThatStopsReadingIsClosedAfterTheIdleTimeout(String variant) throws Exception {
        Duration idle = Duration.ofMillis(500);
        RunningServer server = start(variant, HttpLimits.DEFAULTS.withIdleTimeout(idle));
        Socket stalled = slowClient(server);
        long startNanos = System.nanoTime();
        stalled.getOutputStream().write(RawClient.get("/big").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(stalled.getInputStream().read()).as("the response has begun").isEqualTo('H');
        assertThat(server.openConnections()).isOne();

        assertThat(ProcessResources.awaitAtMost(server::openConnections, 0, SOON))
                .as("the stalled writer was given up").isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isGreaterThanOrEqualTo(idle.minusMillis(100));

        RawClient fresh = RawClient.to(server);
        closeables.add(fresh);
        assertThat(fresh.send(RawClient.get("/hello")).read().status()).as("the loop carries on").isEqualTo(200);
    }
}
