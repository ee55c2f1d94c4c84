package dev.loupe.engine.load;

import static dev.loupe.engine.load.LoadGeneratorTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.measure.ErrorClass;
import dev.loupe.engine.measure.ErrorCounts;
import dev.loupe.engine.measure.LoadSummary;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each error class against a loopback server that misbehaves in exactly that way. */
@Timeout(60)
class ErrorClassesTest {

    private static LoadSpec.Builder spec(String url) {
        return LoadSpec.builder(HttpUrl.parse(url)).connections(2).duration(Duration.ofMillis(500));
    }

    private static void assertOnly(LoadSummary s, ErrorCounts expectedShape) {
        // every class the shape marks non-zero must be non-zero, every other class zero
        for (ErrorClass c : ErrorClass.values()) {
            if (expectedShape.count(c) > 0) {
                assertThat(s.errors().count(c)).as(c.jsonName()).isPositive();
            } else {
                assertThat(s.errors().count(c)).as(c.jsonName()).isZero();
            }
        }
    }

    @Test
    void refusedConnectionsAreConnectErrors() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LoadSummary s = run(spec("http://127.0.0.1:" + port + "/").build()).summary();
        assertOnly(s, ErrorCounts.of(1, 0, 0, 0, 0, 0, 0));
        assertThat(s.connections().failed()).isEqualTo(s.errors().connect());
        assertThat(s.connections().established()).isZero();
        assertThat(s.requests()).isEqualTo(s.errors().total());
        assertThat(s.errorRatePct()).isEqualTo(100.0);
        assertThat(s.throughputRps()).as("failed requests are not throughput").isZero();
        assertThat(s.errors().connect()).as("the 10 ms back-off keeps a refusing server from being hammered").isLessThan(400);
    }

    @Test
    void aResetMidResponseIsAReadError() throws Exception {
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            if (ScriptedServer.readRequest(in) != null) {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.setSoLinger(true, 0); // close with a reset
            }
        })) {
            LoadSummary s = run(spec(server.url("/")).build()).summary();
            assertOnly(s, ErrorCounts.of(0, 1, 0, 0, 0, 0, 0));
            assertThat(s.connections().reconnects()).isPositive();
        }
    }

    @Test
    void aCloseMidResponseIsAReadErrorToo() throws Exception {
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            if (ScriptedServer.readRequest(in) != null) {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        })) {
            LoadSummary s = run(spec(server.url("/")).build()).summary();
            assertOnly(s, ErrorCounts.of(0, 1, 0, 0, 0, 0, 0));
        }
    }

    @Test
    void garbageIsMalformed() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering("SSH-2.0-OpenSSH_9.2\r\n\r\n")) {
            LoadSummary s = run(spec(server.url("/")).build()).summary();
            assertOnly(s, ErrorCounts.of(0, 0, 0, 0, 1, 0, 0));
            assertThat(s.latencyMs().max()).as("no latency for a response that is not one").isZero();
        }
    }

    @Test
    void aResponseSlowerThanTheTimeoutIsATimeout() throws Exception {
        try (ScriptedServer server = new ScriptedServer((socket, in, out) -> {
            while (ScriptedServer.readRequest(in) != null) {
                Thread.sleep(5_000);
            }
        })) {
            long startNs = System.nanoTime();
            LoadSummary s = run(spec(server.url("/")).requestTimeout(Duration.ofMillis(200)).build()).summary();
            assertOnly(s, ErrorCounts.of(0, 0, 0, 1, 0, 0, 0));
            // 2 connections × (500 ms / ~210 ms per timeout and back-off), plus the ones cut at the end
            assertThat(s.errors().timeout()).isBetween(4L, 10L);
            assertThat(Duration.ofNanos(System.nanoTime() - startNs)).as("the drain is bounded by the timeout")
                    .isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void serverErrorsAreStatus5xxWithLatencies() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\noops")) {
            LoadSummary s = run(spec(server.url("/")).build()).summary();
            assertOnly(s, ErrorCounts.of(0, 0, 0, 0, 0, 0, 1));
            assertThat(s.errors().status5xx()).isEqualTo(s.requests());
            assertThat(s.throughputRps()).as("answered is throughput, whatever the status").isPositive();
            assertThat(s.latencyMs().p50()).isPositive();
            assertThat(s.connections().reconnects()).as("a 500 does not close a keep-alive connection").isZero();
        }
    }

    @Test
    void notFoundIsStatus4xx() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")) {
            LoadSummary s = run(spec(server.url("/missing")).build()).summary();
            assertOnly(s, ErrorCounts.of(0, 0, 0, 0, 0, 1, 0));
            assertThat(s.errors().status4xx()).isEqualTo(s.requests());
        }
    }

    @Test
    void aServerThatClosesAfterEachResponseCausesReconnectsNotErrors() throws Exception {
        try (HelloServer server = HelloServer.builder()
                .response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                .closeAfterResponse().start()) {
            LoadSummary s = run(spec(server.url("/")).build()).summary();
            assertThat(s.errors().total()).isZero();
            assertThat(s.requests()).isGreaterThan(10);
            assertThat(s.connections().reconnects()).isEqualTo(s.connections().established() - 2);
            assertThat(s.connections().established()).isGreaterThanOrEqualTo(s.requests());
        }
    }

    @Test
    void keepAliveOffMeansANewConnectionPerRequestAndNoErrors() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")) {
            LoadSummary s = run(spec(server.url("/")).keepAlive(false).build()).summary();
            assertThat(s.errors().total()).isZero();
            assertThat(s.requests()).isGreaterThan(10);
            assertThat(s.connections().established()).isGreaterThanOrEqualTo(s.requests());
            assertThat(s.connections().reconnects()).isPositive();
            assertThat(server.requests).allSatisfy(r -> assertThat(r.header("Connection")).isEqualTo("close"));
        }
    }

    @Test
    void aConnectTimeoutIsAConnectError() throws Exception {
        // A listener that never accepts, its backlog already full: Linux drops further SYNs, so the
        // generator's connects hang until the connect timeout.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket f = new Socket();
                    try {
                        f.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(f);
                    } catch (SocketTimeoutException queueFull) {
                        f.close();
                        break;
                    }
                }
                LoadSummary s = run(LoadSpec.builder(HttpUrl.parse("http://127.0.0.1:" + full.getLocalPort() + "/"))
                        .connections(1).duration(Duration.ofMillis(400)).connectTimeout(Duration.ofMillis(100)).build())
                        .summary();
                assertOnly(s, ErrorCounts.of(1, 0, 0, 0, 0, 0, 0));
                assertThat(s.connections().established()).isZero();
                assertThat(s.errors().connect()).as("each one waited for the 100 ms timeout, none was refused at once")
                        .isBetween(1L, 6L);
            } finally {
                for (Socket f : fillers) {
                    f.close();
                }
            }
        }
    }
}
