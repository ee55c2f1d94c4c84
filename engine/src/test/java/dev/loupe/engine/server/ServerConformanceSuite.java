package dev.loupe.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.concurrency.DispatchTarget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every server variant must do, over real sockets on 127.0.0.1, port 0: written once, run against
 * each variant by a subclass of a few lines that says which variant. Every wait is bounded; bounds are
 * generous because the machine is shared, and no test asserts a speed.
 *
 * <h2>Core and strict</h2>
 *
 * <p>The suite has two parts, and {@link #strict()} says which a subclass runs.
 *
 * <ul>
 *   <li><b>Core</b>: what any HTTP/1.1 server can be expected to do, including one Loupe did not write
 *       ({@code jdk-httpserver}, the reference): keep-alive and pipelining; framing (HEAD, chunked
 *       bodies, {@code 100-continue}); a thousand connections at once; a slow client not holding up
 *       the others; malformed input and a failing handler (500) never taking the server down; requests
 *       in flight finishing at a stop and no new connections during it; a stop forced within its bound;
 *       threads and descriptors released; idempotent close; the real address; dispatch targets whose
 *       probes run.
 *   <li><b>Strict</b>: Loupe's own contract, the one {@link HttpLimits} and the shared HTTP core
 *       promise, which a server we did not write has no reason to keep: the exact status and wording of
 *       each refusal (400, 413, 414, 431, 505) at the exact limits; every timeout (header read with 408,
 *       keep-alive idle, linger after a refusal not delaying a stop); {@code Connection: close}
 *       announced whenever the server closes after a response; trailers handed to the handler; idle
 *       connections closed at once when a stop begins.
 * </ul>
 *
 * <p>A test that is strict as a whole begins with {@link #assumeStrict()}, so a non-strict run reports
 * it as skipped, with the reason; a core test that also checks a strict detail checks it under {@code
 * if (strict())}. Loupe's own variants run everything ({@code strict()} is true by default); a subclass
 * for a server Loupe did not write overrides it to return false.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class ServerConformanceSuite {
    /** Upper bound for anything that should happen "soon"; failures show up as this wait running out. */
    protected static final Duration SOON = Duration.ofSeconds(15);

    private final List<RunningServer> servers = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> clients = new CopyOnWriteArrayList<>();
    private final Routes routes = new Routes();

    /** The variant under test. */
    protected abstract ServerVariant variant();

    /** The configuration every case starts from; a variant may adjust it (e.g. threads). */
    protected ServerConfig config(RequestHandler handler) {
        return ServerConfig.of(handler);
    }

    /**
     * Whether the variant keeps Loupe's strict contract as well as the core (see the class comment):
     * true for every variant built on Loupe's HTTP core, false for a server Loupe did not write.
     */
    protected boolean strict() {
        return true;
    }

    /**
     * The name prefixes of the threads a running server of this variant has and a stopped one must
     * not: Loupe's {@link ServerThreads#PREFIX}, plus any a foreign server names its own threads with.
     */
    protected List<String> serverThreadPrefixes() {
        return List.of(ServerThreads.PREFIX);
    }

    /** Skips the rest of a test that belongs to the strict part when the variant runs only the core. */
    protected final void assumeStrict() {
        Assumptions.assumeTrue(strict(), "strict: Loupe's own limits, timeouts and exact answers");
    }

    private int serverThreads() {
        return serverThreadPrefixes().stream().mapToInt(ProcessResources::threadsNamed).sum();
    }

    @AfterEach
    void stopEverything() throws Exception {
        routes.release.countDown();
        for (RunningServer s : servers) {
            s.close();
        }
        for (AutoCloseable c : clients) {
            c.close();
        }
    }

    // ---- helpers ----

    private RunningServer start(HttpLimits limits) throws IOException {
        RunningServer server = variant().start(config(routes).withLimits(limits));
        servers.add(server);
        return server;
    }

    private RunningServer start() throws IOException {
        return start(HttpLimits.DEFAULTS);
    }

    private RawClient client(RunningServer server) throws IOException {
        RawClient c = RawClient.to(server);
        clients.add(c);
        return c;
    }

    /**
     * The handler every case uses: {@code /hello}, {@code /echo} (body and trailer back), {@code
     * /throw}, {@code /block} (waits for the test to release it) and, for anything else, the target.
     */
    static final class Routes implements RequestHandler {
        static final HttpResponse HELLO = HttpResponse.text(200, "Hello, World!");
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger blocked = new AtomicInteger();

        @Override
        public HttpResponse handle(HttpRequest request) throws Exception {
            return switch (request.path()) {
                case "/hello" -> HELLO;
                case "/echo" -> HttpResponse.text(200, request.bodyText())
                        .withHeader("X-Trailer", request.trailer("X-Checksum").orElse("-"))
                        .withHeader("X-Method", request.method());
                case "/throw" -> throw new IllegalStateException("a handler failure, on purpose");
                case "/block" -> {
                    blocked.incrementAndGet();
                    release.await(); // interruptible: a forced stop interrupts it
                    yield HELLO;
                }
                default -> HttpResponse.text(200, request.target());
            };
        }

        void awaitBlocked(int count) throws InterruptedException {
            long deadline = System.nanoTime() + SOON.toNanos();
            while (blocked.get() < count) {
                assertThat(System.nanoTime()).as("%d handlers blocked in time", count).isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }

    /** The server closed the connection after the response (and, strict, announced it). */
    private void assertClosedAfter(RawClient.Response response, RawClient client) throws IOException {
        if (strict()) {
            assertThat(response.header("Connection")).as("the response announces the close").isEqualTo("close");
        }
        assertThat(client.closedByServer(SOON)).as("the server closed the connection").isTrue();
    }

    // ---- keep-alive and framing ----

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        RunningServer server = start();
        RawClient c = client(server);
        for (int i = 0; i < 5; i++) {
            RawClient.Response r = c.send(RawClient.get("/hello")).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("Hello, World!");
            assertThat(r.header("Connection")).isNull();
            assertThat(r.header("Date")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
            assertThat(r.header("Content-Length")).isEqualTo("13");
        }
        assertThat(server.openConnections()).isEqualTo(1);
    }

    @Test
    void hundredPipelinedRequestsInOneWriteAreAnsweredInOrder() throws Exception {
        RunningServer server = start();
        RawClient c = client(server);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            all.append(RawClient.get("/seq/" + i));
        }
        c.send(all.toString());
        for (int i = 0; i < 100; i++) {
            RawClient.Response r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("/seq/" + i);
        }
        assertThat(c.send(RawClient.get("/hello")).read().status()).as("still open after").isEqualTo(200);
    }

    @Test
    void connectionCloseClosesAfterTheResponse() throws Exception {
        RawClient c = client(start());
        RawClient.Response r = c.send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").read();
        assertThat(r.status()).isEqualTo(200);
        assertClosedAfter(r, c);
    }

    @Test
    void http10WithoutKeepAliveClosesAndWithKeepAliveStays() throws Exception {
        RunningServer server = start();
        RawClient plain = client(server);
        RawClient.Response r = plain.send("GET /hello HTTP/1.0\r\n\r\n").read();
        assertThat(r.status()).isEqualTo(200);
        assertClosedAfter(r, plain);

        RawClient kept = client(server);
        RawClient.Response first = kept.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
        assertThat(first.header("Connection")).isEqualTo("keep-alive");
        assertThat(kept.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read().status()).isEqualTo(200);
    }

    @Test
    void headRequestsGetTheLengthButNoBody() throws Exception {
        RawClient c = client(start());
        RawClient.Response head = c.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n").readHead();
        assertThat(head.header("Content-Length")).isEqualTo("13");
        assertThat(c.send(RawClient.get("/seq/after-head")).read().body()).isEqualTo("/seq/after-head");
    }

    @Test
    void chunkedRequestBodyIsDecoded() throws Exception {
        RawClient c = client(start());
        RawClient.Response r = c.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "6\r\nHello,\r\n7;ext=1\r\n World!\r\n0\r\n\r\n").read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Hello, World!");
        assertThat(c.send(RawClient.get("/hello")).read().status()).as("framing intact after").isEqualTo(200);
    }

    @Test
    void aChunkedBodysTrailerReachesTheHandler() throws Exception {
        assumeStrict();
        RawClient c = client(start());
        RawClient.Response r = c.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "6\r\nHello,\r\n7;ext=1\r\n World!\r\n0\r\nX-Checksum: 13\r\n\r\n").read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("Hello, World!");
        assertThat(r.header("X-Trailer")).isEqualTo("13");
        assertThat(c.send(RawClient.get("/hello")).read().status()).as("framing intact after").isEqualTo(200);
    }

    @Test
    void expectContinueGetsTheGoAheadBeforeTheBody() throws Exception {
        RawClient c = client(start());
        RawClient.Response interim = c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n"
                + "Expect: 100-continue\r\n\r\n").read();
        assertThat(interim.status()).isEqualTo(100);
        RawClient.Response r = c.send("ping").read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ping");
    }

    // ---- many clients, slow clients ----

    @Test
    void thousandConcurrentConnectionsEachMakeOneRequest() throws Exception {
        RunningServer server = start();
        int n = 1000;
        CountDownLatch connected = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                String path = "/seq/" + i;
                results.add(clientThreads.submit(() -> {
                    try (RawClient c = RawClient.to(server)) {
                        connected.countDown();
                        if (!go.await(SOON.toSeconds() * 4, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("never told to go");
                        }
                        RawClient.Response r = c.send(RawClient.get(path)).read();
                        assertThat(r.body()).isEqualTo(path);
                        return r.status();
                    }
                }));
            }
            assertThat(connected.await(SOON.toSeconds() * 4, TimeUnit.SECONDS)).as("all connected").isTrue();
            assertThat(ProcessResources.awaitAtMost(() -> n - server.openConnections(), 0, SOON))
                    .as("connections the server has not seen open yet").isZero();
            go.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get(SOON.toSeconds() * 4, TimeUnit.SECONDS)).isEqualTo(200);
            }
        }
        assertThat(ProcessResources.awaitAtMost(server::openConnections, 0, SOON)).isZero();
    }

    @Test
    void aSlowClientDoesNotHoldUpTheOthers() throws Exception {
        // A short graceful stop: the slow request is still in flight when the test ends.
        RunningServer server = start(HttpLimits.DEFAULTS.withGracefulStopTimeout(Duration.ofSeconds(1)));
        RawClient slow = client(server).send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Slow: x"); // headers never finish
        RawClient fast = client(server);
        for (int i = 0; i < 20; i++) {
            assertThat(fast.send(RawClient.get("/hello")).read().status()).isEqualTo(200);
        }
        assertThat(client(server).send(RawClient.get("/hello")).read().status()).as("a new connection too").isEqualTo(200);
        slow.send("\r\n\r\n");
        assertThat(slow.read().status()).as("the slow one, once complete").isEqualTo(200);
    }

    @Test
    void aSlowClientIsCutOffByTheHeaderReadTimeoutWhileOthersAreServed() throws Exception {
        assumeStrict();
        Duration headerRead = Duration.ofSeconds(1);
        RunningServer server = start(HttpLimits.DEFAULTS.withHeaderReadTimeout(headerRead));
        RawClient slow = client(server);
        long startNanos = System.nanoTime();
        slow.send("GET /hello HTTP/1.1\r\nHost: t\r\n");
        AtomicBoolean trickling = new AtomicBoolean(true);
        Thread trickle = Thread.ofVirtual().start(() -> { // one more header line every 100 ms, forever
            try {
                while (trickling.get()) {
                    slow.send("X-Slow: x\r\n");
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the server closed it: what the test waits for
            }
        });
        try {
            RawClient fast = client(server);
            int served = 0;
            while (System.nanoTime() - startNanos < headerRead.toNanos() * 3 / 2) {
                assertThat(fast.send(RawClient.get("/hello")).read().status()).isEqualTo(200);
                served++;
            }
            assertThat(served).isPositive();

            RawClient.Response r = slow.read();
            long elapsedNanos = System.nanoTime() - startNanos;
            assertThat(r.status()).isEqualTo(408);
            assertClosedAfter(r, slow);
            assertThat(Duration.ofNanos(elapsedNanos)).as("cut off by the timeout, not before")
                    .isGreaterThanOrEqualTo(headerRead.minusMillis(100));
            assertThat(fast.send(RawClient.get("/hello")).read().status()).as("others still served").isEqualTo(200);
        } finally {
            trickling.set(false);
            trickle.join(SOON);
        }
    }

    /**
     * A server at its limit answers 503 or serves the request; it never drops a complete request
     * without a word. Slow clients, each sending one header line every 250 ms for three times the
     * header-read timeout, take every thread the variant has (2 workers, loops or standby threads, a
     * cap of 4); then a normal GET arrives and must get a whole response, 200 or 503, within one and a
     * half header-read timeouts: a queued request may wait that timeout, not for the slow clients. The same case at full size, measured with 300 slow clients
     * for 8 s against the defaults, is in docs/PERFORMANCE.md.
     */
    @Test
    void atItsLimitAServerAnswersOrShedsAndNeverDropsACompleteRequest() throws Exception {
        Duration headerRead = Duration.ofSeconds(2);
        RunningServer server = variant().start(config(routes).withThreads(2).withMaxThreads(4).withLimits(
                HttpLimits.DEFAULTS.withHeaderReadTimeout(headerRead).withGracefulStopTimeout(Duration.ofMillis(500))));
        servers.add(server);
        int slowClients = 12;
        AtomicBoolean trickling = new AtomicBoolean(true);
        List<Thread> trickles = new ArrayList<>();
        for (int i = 0; i < slowClients; i++) {
            RawClient slow = client(server).send("GET /hello HTTP/1.1\r\nHost: t\r\n");
            trickles.add(Thread.ofVirtual().start(() -> {
                long until = System.nanoTime() + headerRead.toNanos() * 3;
                try {
                    while (trickling.get() && System.nanoTime() < until) {
                        Thread.sleep(250);
                        slow.send("X-Slow: x\r\n");
                    }
                    slow.send("\r\n");
                } catch (IOException | InterruptedException e) {
                    // the server answered or closed it: slow clients may be refused
                }
            }));
        }
        try {
            Thread.sleep(300); // the slow clients take the threads first
            long sentNanos = System.nanoTime();
            RawClient normal = client(server).send(RawClient.get("/hello"));
            RawClient.Response r = normal.read(); // an empty close fails here, with an EOFException
            Duration waited = Duration.ofNanos(System.nanoTime() - sentNanos);
            assertThat(r.status()).as("served or shed").isIn(200, 503);
            if (r.status() == 503) {
                assertThat(r.header("connection")).as("a shed connection is closed").isEqualToIgnoringCase("close");
            }
            assertThat(waited).as("answered before the slow clients let go of the threads")
                    .isLessThan(headerRead.multipliedBy(3).dividedBy(2));
        } finally {
            trickling.set(false);
            for (Thread t : trickles) {
                t.join(SOON);
            }
        }
    }

    @Test
    void aNewConnectionThatSendsNothingIsClosedAfterTheHeaderReadTimeout() throws Exception {
        assumeStrict();
        Duration headerRead = Duration.ofMillis(500);
        RunningServer server = start(HttpLimits.DEFAULTS.withHeaderReadTimeout(headerRead));
        long startNanos = System.nanoTime();
        RawClient silent = client(server);
        assertThat(silent.closedByServer(SOON)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isGreaterThanOrEqualTo(headerRead.minusMillis(100));
        assertThat(ProcessResources.awaitAtMost(server::openConnections, 0, SOON)).isZero();
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        assumeStrict();
        Duration idle = Duration.ofMillis(500);
        RawClient c = client(start(HttpLimits.DEFAULTS.withIdleTimeout(idle)));
        assertThat(c.send(RawClient.get("/hello")).read().status()).isEqualTo(200);
        long afterResponse = System.nanoTime();
        assertThat(c.closedByServer(SOON)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - afterResponse)).isGreaterThanOrEqualTo(idle.minusMillis(100));
    }

    // ---- refusals: the right status, then the connection is closed ----

    static Stream<Arguments> refusals() {
        String longTarget = "/" + "a".repeat(HttpLimits.DEFAULTS.requestLineMaxBytes());
        String bigHeaders = ("X-Filler: " + "f".repeat(1000) + "\r\n").repeat(17);
        return Stream.of(
                Arguments.of("malformed request line", "GET /hello\r\nHost: t\r\n\r\n", 400),
                Arguments.of("space before colon", "GET /hello HTTP/1.1\r\nHost : t\r\n\r\n", 400),
                Arguments.of("HTTP/1.1 without Host", "GET /hello HTTP/1.1\r\n\r\n", 400),
                Arguments.of("bad chunk size", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n", 400),
                Arguments.of("unknown version", "GET /hello HTTP/2.0\r\nHost: t\r\n\r\n", 505),
                Arguments.of("request line over 8 KiB", "GET " + longTarget + " HTTP/1.1\r\nHost: t\r\n\r\n", 414),
                Arguments.of("headers over 16 KiB", "GET /hello HTTP/1.1\r\nHost: t\r\n" + bigHeaders + "\r\n", 431),
                Arguments.of("declared body over 1 MiB",
                        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + (2 * 1024 * 1024) + "\r\n\r\n", 413),
                Arguments.of("chunked body over 1 MiB", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + ("8000\r\n" + "c".repeat(0x8000) + "\r\n").repeat(33), 413));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("refusals")
    void refusedRequestsGetTheirStatusThenTheConnectionCloses(String what, String raw, int status) throws Exception {
        assumeStrict();
        RunningServer server = start();
        RawClient c = client(server);
        RawClient.Response r = c.send(raw).read();
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.body()).startsWith(status + " ");
        assertClosedAfter(r, c);
        assertThat(client(server).send(RawClient.get("/hello")).read().status()).as("the server carries on").isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void malformedOrOversizedInputNeverTakesTheServerDown(String what, String raw, int strictStatus) throws Exception {
        // A short graceful stop: a server may still be waiting for the rest of a refused body at the end.
        RunningServer server = start(HttpLimits.DEFAULTS.withGracefulStopTimeout(Duration.ofSeconds(1)));
        RawClient c = client(server);
        try {
            RawClient.Response r = c.send(raw).read();
            assertThat(r.status()).as("an answer, if any, is a whole response").isBetween(200, 599);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("neither an answer nor a close within " + RawClient.READ_TIMEOUT, e);
        } catch (IOException e) {
            // closed or reset without an answer: the core allows it
        }
        assertThat(client(server).send(RawClient.get("/hello")).read().status()).as("the server carries on").isEqualTo(200);
    }

    @Test
    void aRefusedConnectionDoesNotHoldUpAStop() throws Exception {
        assumeStrict();
        Duration graceful = Duration.ofSeconds(60); // waiting for it would be unmistakable
        RunningServer server = start(HttpLimits.DEFAULTS.withGracefulStopTimeout(graceful)
                .withLingerTimeout(Duration.ofSeconds(60)));
        RawClient c = client(server);
        assertThat(c.send("GET /hello HTTP/9.0\r\nHost: t\r\n\r\n").read().status()).isEqualTo(505);
        long startNanos = System.nanoTime(); // the client neither closes nor sends: the server lingers
        server.close();
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(graceful.dividedBy(2));
    }

    @Test
    void aHandlerThatThrowsIsAnswered500AndTheServerKeepsServing() throws Exception {
        RunningServer server = start();
        RawClient c = client(server);
        RawClient.Response failed = c.send(RawClient.get("/throw")).read();
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("on purpose"); // no internals leak to the client
        assertThat(c.send(RawClient.get("/hello")).read().status()).as("same connection").isEqualTo(200);
        assertThat(client(server).send(RawClient.get("/hello")).read().status()).as("new connection").isEqualTo(200);
    }

    // ---- stopping ----

    @Test
    void gracefulStopLetsRequestsInFlightFinish() throws Exception {
        RunningServer server = start(HttpLimits.DEFAULTS.withGracefulStopTimeout(Duration.ofSeconds(30)));
        List<RawClient> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(client(server).send(RawClient.get("/block")));
        }
        RawClient idle = client(server);
        assertThat(idle.send(RawClient.get("/hello")).read().status()).isEqualTo(200);
        routes.awaitBlocked(3);

        Thread stopper = Thread.ofPlatform().name("test-stopper").start(server::close);
        if (strict()) {
            assertThat(idle.closedByServer(SOON)).as("an idle connection is closed at once").isTrue();
        }
        assertThat(refusesConnections(server)).as("no new connections once stopping").isTrue();
        assertThat(stopper.isAlive()).as("the stop waits for requests in flight").isTrue();

        routes.release.countDown();
        for (RawClient c : inFlight) {
            RawClient.Response r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertClosedAfter(r, c);
        }
        stopper.join(SOON);
        assertThat(stopper.isAlive()).as("the stop ended once the requests finished").isFalse();
        assertThat(server.openConnections()).isZero();
    }

    private static boolean refusesConnections(RunningServer server) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                new Socket(server.address().getAddress(), server.address().getPort()).close();
                Thread.sleep(20); // accepted by a listener that is about to close; try again
            } catch (IOException e) { // ConnectException: refused
                return true;
            }
        }
        return false;
    }

    @Test
    void stopIsForcedWithinItsBoundWhenAHandlerNeverReturns() throws Exception {
        Duration graceful = Duration.ofSeconds(1);
        int threadsBefore = serverThreads();
        RunningServer server = start(HttpLimits.DEFAULTS.withGracefulStopTimeout(graceful));
        RawClient stuck = client(server).send(RawClient.get("/block"));
        routes.awaitBlocked(1);

        long startNanos = System.nanoTime();
        server.close();
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

        assertThat(took).as("waited for the graceful bound").isGreaterThanOrEqualTo(graceful.minusMillis(100));
        assertThat(took).as("then forced, within the bound plus the forced wait (and slack for a busy machine)")
                .isLessThan(graceful.plus(HttpLimits.FORCED_STOP_WAIT).plusSeconds(3));
        assertThat(stuck.closedByServer(SOON)).isTrue();
        assertThat(ProcessResources.awaitAtMost(this::serverThreads, threadsBefore, SOON))
                .as("the interrupted handler's thread ended too").isLessThanOrEqualTo(threadsBefore);
    }

    @Test
    void threadsAndDescriptorsReturnToBaselineAfterStop() throws Exception {
        int threadsBefore = serverThreads();
        int descriptorsBefore = ProcessResources.openFileDescriptors();
        // A short bound: the half-sent request below is in flight, so the stop ends by force.
        RunningServer server = start(HttpLimits.DEFAULTS.withGracefulStopTimeout(Duration.ofMillis(500)));
        List<RawClient> open = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RawClient c = RawClient.to(server);
            open.add(c);
            assertThat(c.send(RawClient.get("/hello")).read().status()).isEqualTo(200);
        }
        RawClient partial = RawClient.to(server).send("GET /hello HTTP/1.1\r\nHost: t\r\n"); // headers never finish
        open.add(partial);
        assertThat(serverThreads()).as("server threads while running")
                .isGreaterThan(threadsBefore);
        assertThat(ProcessResources.openFileDescriptors()).isGreaterThan(descriptorsBefore);

        server.close();
        for (RawClient c : open) {
            c.close();
        }
        assertThat(server.openConnections()).isZero();
        assertThat(ProcessResources.awaitAtMost(this::serverThreads, threadsBefore, SOON))
                .as("server threads after stop").isLessThanOrEqualTo(threadsBefore);
        int slack = 2; // the JDK may open a descriptor of its own meanwhile (e.g. a jar or /proc read)
        assertThat(ProcessResources.awaitAtMost(ProcessResources::openFileDescriptors, descriptorsBefore + slack, SOON))
                .as("open descriptors after stop").isLessThanOrEqualTo(descriptorsBefore + slack);
    }

    @Test
    void closeIsIdempotentAndAStoppedServerRefusesConnections() throws Exception {
        RunningServer server = start();
        server.close();
        server.close();
        assertThatThrownBy(() -> new Socket(server.address().getAddress(), server.address().getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    // ---- dispatch targets ----

    @Test
    void everyDispatchTargetRunsProbesUntilTheServerStops() throws Exception {
        RunningServer server = start();
        List<DispatchTarget> targets = server.dispatchTargets();
        assertThat(targets).as("dispatch targets").isNotEmpty();
        for (DispatchTarget target : targets) {
            assertThat(target.name()).isNotBlank();
            assertThat(target.threadNamePrefix()).startsWith(ServerThreads.PREFIX);
            for (int i = 0; i < 3; i++) { // more than once: a target is used every 10 ms
                CountDownLatch ran = new CountDownLatch(1);
                AtomicReference<String> thread = new AtomicReference<>();
                target.execute(() -> {
                    thread.set(Thread.currentThread().getName());
                    ran.countDown();
                });
                assertThat(ran.await(SOON.toMillis(), TimeUnit.MILLISECONDS)).as("probe %d on %s ran", i, target.name()).isTrue();
                assertThat(thread.get()).as("a server thread ran it").startsWith(ServerThreads.PREFIX);
            }
        }
        assertThat(client(server).send(RawClient.get("/hello")).read().status()).as("requests unaffected").isEqualTo(200);
        server.close();
        for (DispatchTarget target : targets) {
            assertThatThrownBy(() -> target.execute(() -> { }))
                    .as("%s after stop", target.name()).isInstanceOf(RejectedExecutionException.class);
        }
    }

    @Test
    void reportsItsRealAddressAndUrl() throws Exception {
        RunningServer server = start();
        assertThat(server.address().getPort()).isPositive();
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.address().getPort() + "/");
    }
}
