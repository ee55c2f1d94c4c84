package dev.loupe.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.measure.LoadSummary;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generator end to end against loopback test servers: short, bounded runs. */
@Timeout(60)
class LoadGeneratorTest {

    static LoadResult run(LoadSpec spec, List<IntervalSnapshot> snapshots) throws InterruptedException {
        LoadRun run = LoadGenerator.create().start(spec, List.of(snapshots::add));
        return run.awaitResult(Duration.ofSeconds(40)).orElseThrow(() -> new AssertionError("the run did not end in time"));
    }

    static LoadResult run(LoadSpec spec) throws InterruptedException {
        return run(spec, new CopyOnWriteArrayList<>());
    }

    @Test
    void closedModelAgainstAHelloServer() throws Exception {
        try (HelloServer server = HelloServer.builder().start()) {
            List<IntervalSnapshot> snapshots = new CopyOnWriteArrayList<>();
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(4).duration(Duration.ofMillis(800)).build();
            LoadResult result = run(spec, snapshots);
            LoadSummary s = result.summary();

            assertThat(s.requests()).isPositive();
            assertThat(s.errors().total()).isZero();
            assertThat(s.connections().requested()).isEqualTo(4);
            assertThat(s.connections().established()).isEqualTo(4);
            assertThat(s.durationS()).isBetween(0.7, 10.0);
            assertThat(s.latencyMs()).as("closed model: the two views are the same measurements").isEqualTo(s.uncorrectedLatencyMs());
            assertThat(s.latencyMs().p50()).isPositive();
            assertThat(s.generator().behindScheduleMs()).isZero();
            assertThat(s.generator().saturated()).isFalse();
            assertThat(server.served()).isGreaterThanOrEqualTo(s.requests());
            assertThat(result.bytesRead()).isEqualTo(s.requests() * HelloServer.HELLO.length);
            assertThat(snapshots).isNotEmpty();
            assertThat(snapshots.stream().mapToLong(IntervalSnapshot::requests).sum()).isEqualTo(s.requests());
        }
    }

    /**
     * A client that never closes its responses: each request on a new connection, the old one left
     * open up to the bound; the counts say so. The control is the same load with a client that closes.
     */
    @Test
    void aLeakingClientLeavesEachConnectionOpenUpToItsBound() throws Exception {
        try (HelloServer server = HelloServer.builder().start()) {
            List<IntervalSnapshot> snapshots = new CopyOnWriteArrayList<>();
            LoadSpec leaky = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(2).leakConnections(40).duration(Duration.ofMillis(800)).build();
            LoadSummary s = run(leaky, snapshots).summary();

            assertThat(s.errors().total()).isZero();
            assertThat(s.requests()).isGreaterThan(40);
            assertThat(s.connections().established()).as("a new connection per request").isGreaterThanOrEqualTo(s.requests());
            assertThat(s.connections().reconnects()).isEqualTo(s.connections().established() - 2);
            long mostOpen = snapshots.stream().mapToLong(IntervalSnapshot::connectionsOpen).max().orElseThrow();
            assertThat(mostOpen).as("the leaked ones count as open, up to the bound").isBetween(40L, 42L);
            assertThat(snapshots.getLast().connectionsOpen()).as("the leaked ones closed at the end").isLessThanOrEqualTo(2);
            assertThat(server.accepted()).isGreaterThanOrEqualTo(s.requests());

            LoadSummary control = run(LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(2).duration(Duration.ofMillis(800)).build()).summary();
            assertThat(control.connections().established()).as("control: a client that closes reuses its two").isEqualTo(2);
        }
    }

    @Test
    void aRunStoppedBeforeItBeganHasAnEmptyResult() {
        LoadResult r = LoadGenerator.notStarted(LoadSpec.builder(HttpUrl.parse("http://127.0.0.1:8080/")).build());
        assertThat(r.stoppedEarly()).isTrue();
        assertThat(r.summary().requests()).isZero();
        assertThat(r.summary().durationS()).isZero();
        assertThat(r.summary().connections().requested()).isZero();
        assertThat(r.latency().count()).isZero();
    }

    @Test
    void aLeakingClientNeedsKeepAlive() {
        assertThatThrownBy(() -> LoadSpec.builder(HttpUrl.parse("http://127.0.0.1:8080/")).keepAlive(false).leakConnections(5).build())
                .hasMessage("leakConnections: 5 (expected: 0 without keep-alive; a leaking client leaves kept-alive"
                        + " connections open)");
    }

    @Test
    void openModelSendsTheScheduleAndMeasuresBothViews() throws Exception {
        try (HelloServer server = HelloServer.builder().start()) {
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(4).open(ArrivalSchedule.constant(400)).duration(Duration.ofMillis(1000)).build();
            LoadResult result = run(spec);
            LoadSummary s = result.summary();
            assertThat(result.openModel()).isTrue();
            assertThat(s.requests()).as("the schedule's 400, give or take the edges").isBetween(380L, 420L);
            assertThat(s.errors().total()).isZero();
            assertThat(s.latencyMs().p50()).as("corrected >= uncorrected").isGreaterThanOrEqualTo(s.uncorrectedLatencyMs().p50());
            assertThat(s.generator().saturated()).isFalse();
            assertThat(result.unsentAtStop()).isZero();
        }
    }

    @Test
    void poissonArrivalsAverageTheRate() throws Exception {
        try (HelloServer server = HelloServer.builder().start()) {
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(4).open(ArrivalSchedule.poisson(500, 7)).duration(Duration.ofMillis(1000)).build();
            LoadSummary s = run(spec).summary();
            assertThat(s.requests()).isBetween(400L, 600L);
            assertThat(s.errors().total()).isZero();
        }
    }

    @Test
    void severalThreadsShareTheConnectionsAndAreNamed() throws Exception {
        try (HelloServer server = HelloServer.builder().start()) {
            java.util.Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(5).threads(2).duration(Duration.ofMillis(600)).build();
            LoadRun run = LoadGenerator.create().start(spec, List.of(snapshot -> {
                names.add(Thread.currentThread().getName());
                Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
            }));
            LoadSummary s = run.awaitResult(Duration.ofSeconds(30)).orElseThrow().summary();
            assertThat(names).contains("loupe-load-1", "loupe-load-2", "loupe-load-collector").doesNotContain("loupe-load-3");
            assertThat(s.connections().established()).isEqualTo(5);
            assertThat(s.errors().total()).isZero();
            assertThat(s.requests()).isPositive();
        }
    }

    @Test
    void openModelWithTwoThreadsStillSendsTheWholeSchedule() throws Exception {
        try (HelloServer server = HelloServer.builder().start()) {
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(4).threads(2).open(ArrivalSchedule.constant(300)).duration(Duration.ofMillis(1000)).build();
            LoadSummary s = run(spec).summary();
            assertThat(s.requests()).isBetween(285L, 315L);
        }
    }

    @Test
    void stopFromAnotherThreadEndsTheRunWithWhatRan() throws Exception {
        try (HelloServer server = HelloServer.builder().start()) {
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(3).duration(Duration.ofSeconds(30)).build();
            LoadRun run = LoadGenerator.create().start(spec, List.of());
            Thread.sleep(400);
            long stopNs = System.nanoTime();
            run.stop();
            LoadResult result = run.awaitResult(Duration.ofSeconds(10)).orElseThrow();
            assertThat(Duration.ofNanos(System.nanoTime() - stopNs)).isLessThan(Duration.ofSeconds(5));
            assertThat(result.stoppedEarly()).isTrue();
            assertThat(result.summary().requests()).isPositive();
            assertThat(result.summary().durationS()).isBetween(0.3, 5.0);
            assertThat(result.summary().errors().total()).isZero();
            assertThat(run.isDone()).isTrue();
        }
    }

    @Test
    void warmupIntervalsAreReportedButNotSummarized() throws Exception {
        try (HelloServer server = HelloServer.builder().start()) {
            List<IntervalSnapshot> snapshots = new CopyOnWriteArrayList<>();
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(2).warmup(Duration.ofMillis(500)).duration(Duration.ofMillis(500)).build();
            LoadSummary s = run(spec, snapshots).summary();
            assertThat(snapshots).extracting(IntervalSnapshot::warmup).startsWith(true, true).contains(false);
            long measured = snapshots.stream().filter(x -> !x.warmup()).mapToLong(IntervalSnapshot::requests).sum();
            long warm = snapshots.stream().filter(IntervalSnapshot::warmup).mapToLong(IntervalSnapshot::requests).sum();
            assertThat(warm).isPositive();
            assertThat(s.requests()).isEqualTo(measured);
            assertThat(s.durationS()).isBetween(0.45, 3.0);
            assertThat(s.connections().established()).as("connections opened in warm-up count").isEqualTo(2);
            for (int i = 0; i < snapshots.size(); i++) {
                IntervalSnapshot x = snapshots.get(i);
                assertThat(x.index()).isEqualTo(i);
                if (i > 0) {
                    assertThat(x.startMs()).isEqualTo(snapshots.get(i - 1).endMs());
                }
                assertThat(x.endMs() - x.startMs()).as("250 ms intervals, give or take scheduling").isLessThanOrEqualTo(1000);
            }
        }
    }

    @Test
    void chunkedResponsesAreParsed() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        try (ScriptedServer server = ScriptedServer.answering(chunked)) {
            LoadResult result = run(LoadSpec.builder(HttpUrl.parse(server.url("/"))).connections(2)
                    .duration(Duration.ofMillis(400)).build());
            assertThat(result.summary().errors().total()).isZero();
            assertThat(result.summary().requests()).isPositive();
            assertThat(result.summary().connections().reconnects()).isZero();
            assertThat(result.bytesRead()).isEqualTo(result.summary().requests() * chunked.length());
        }
    }

    @Test
    void aWeightedMixWithATemplatedPath() throws Exception {
        try (ScriptedServer server = ScriptedServer.answering("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n")) {
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .requests(List.of(
                            RequestSpec.get("/status").withWeight(1),
                            new RequestSpec("POST", "/json/{timeInQueueMs}",
                                    List.of(new RequestSpec.Header("Content-Type", "application/json")),
                                    "{\"n\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), 3)))
                    .placeholder("timeInQueueMs", PlaceholderValue.uniformLong(1, 500, 9))
                    .connections(2).duration(Duration.ofMillis(500)).build();
            LoadSummary s = run(spec).summary();
            assertThat(s.errors().total()).isZero();
            List<ScriptedServer.Request> seen = List.copyOf(server.requests);
            long posts = seen.stream().filter(r -> r.requestLine().startsWith("POST ")).count();
            assertThat(posts).isPositive();
            assertThat(seen.size() - posts).isPositive();
            assertThat(posts / (double) seen.size()).isBetween(0.6, 0.9);
            assertThat(seen).filteredOn(r -> r.requestLine().startsWith("POST ")).allSatisfy(r -> {
                assertThat(r.path()).matches("/json/\\d+");
                assertThat(Integer.parseInt(r.path().substring(6))).isBetween(1, 500);
                assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
                assertThat(r.header("Host")).isEqualTo("127.0.0.1:" + server.port());
            });
        }
    }

    @Test
    void thinkTimePacesTheClosedModel() throws Exception {
        try (HelloServer server = HelloServer.builder().start()) {
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url("/")))
                    .connections(2).closed(Duration.ofMillis(50)).duration(Duration.ofMillis(1000)).build();
            LoadSummary s = run(spec).summary();
            // 2 connections × at most one request per 50 ms
            assertThat(s.requests()).isBetween(10L, 42L);
            assertThat(s.errors().total()).isZero();
        }
    }

    @Test
    void tooFewConnectionsForTheRateSaturateTheGenerator() throws Exception {
        try (ScriptedServer slow = new ScriptedServer((socket, in, out) -> {
            while (ScriptedServer.readRequest(in) != null) {
                Thread.sleep(50);
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
            }
        })) {
            // one connection, 50 ms per response: at most 20 rps, asked for 200
            LoadResult result = run(LoadSpec.builder(HttpUrl.parse(slow.url("/"))).connections(1)
                    .open(ArrivalSchedule.constant(200)).duration(Duration.ofMillis(1000)).build());
            LoadSummary s = result.summary();
            assertThat(s.generator().saturated()).isTrue();
            assertThat(s.generator().behindScheduleMs()).isGreaterThan(500);
            assertThat(result.unsentAtStop()).as("the backlog is reported, not dropped silently").isGreaterThan(100);
            assertThat(s.latencyMs().p50()).as("waiting for a connection counts from the intended start").isGreaterThan(200);
            assertThat(s.uncorrectedLatencyMs().p50()).isLessThan(200);

            // control: a rate the connection can carry
            LoadSummary calm = run(LoadSpec.builder(HttpUrl.parse(slow.url("/"))).connections(1)
                    .open(ArrivalSchedule.constant(5)).duration(Duration.ofMillis(1000)).build()).summary();
            assertThat(calm.generator().saturated()).isFalse();
            assertThat(calm.generator().behindScheduleMs()).isLessThan(100);
        }
    }
}
