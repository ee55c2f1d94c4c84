package dev.loupe.engine.server.nio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The keep-alive request–response cycle of {@code event-loop} allocates nothing on the loop thread:
 * the JVM's per-thread allocation counter, read before and after a batch of requests late in a run,
 * divided by the requests. The control: the same counter sees a handler that allocates per request.
 */
@Tag("timing")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HotPathAllocationTest {
    private static final HttpResponse HELLO = HttpResponse.text(200, "Hello, World!");
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: loupe-test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CONNECTIONS = 4;

    /** Bytes the loop thread allocated per request over {@code measured} requests after {@code warmup}. */
    private static double loopBytesPerRequest(RequestHandler handler, int warmup, int measured) throws Exception {
        try (RunningServer server = ServerVariants.byName("event-loop").start(ServerConfig.of(handler).withThreads(1))) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    Socket s = new Socket();
                    sockets.add(s);
                    s.connect(server.address(), 10_000);
                    s.setSoTimeout(20_000);
                    s.setTcpNoDelay(true);
                }
                run(sockets, warmup);
                Thread loop = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals(EventLoop.THREAD_PREFIX + "0")).findFirst().orElseThrow();
                com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long before = threads.getThreadAllocatedBytes(loop.threadId());
                run(sockets, measured);
                long after = threads.getThreadAllocatedBytes(loop.threadId());
                return (after - before) / (double) measured;
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    /** Sends {@code count} requests over the connections, each waiting for its answer (as wrk does). */
    private static void run(List<Socket> sockets, int count) throws IOException {
        byte[] buffer = new byte[4096];
        int perConnection = count / sockets.size();
        for (int n = 0; n < perConnection; n++) {
            for (Socket s : sockets) {
                s.getOutputStream().write(REQUEST);
            }
            for (Socket s : sockets) {
                readResponse(s.getInputStream(), buffer);
            }
        }
    }

    /** Reads one response of the known handlers: head, then Content-Length bytes. */
    private static void readResponse(InputStream in, byte[] buffer) throws IOException {
        int length = 0;
        int contentLength = -1;
        while (true) {
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                throw new IOException("closed");
            }
            length += n;
            String text = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                if (contentLength < 0) {
                    int cl = text.indexOf("Content-Length: ");
                    contentLength = Integer.parseInt(text.substring(cl + 16, text.indexOf("\r\n", cl)));
                }
                if (length >= end + 4 + contentLength) {
                    return;
                }
            }
        }
    }

    @Test
    void keepAliveRequestsAllocateNothingOnTheLoop() throws Exception {
        double bytes = loopBytesPerRequest(request -> HELLO, 40_000, 20_000);
        assertThat(bytes).as("bytes allocated on the loop thread per request").isLessThan(1.0);
    }

    @Test
    void controlTheCounterSeesAHandlerThatAllocates() throws Exception {
        double bytes = loopBytesPerRequest(request -> HttpResponse.text(200, request.target()), 40_000, 20_000);
        assertThat(bytes).isGreaterThan(64.0);
    }
}
