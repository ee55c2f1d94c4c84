package dev.loupe.engine.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RawClient;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import dev.loupe.engine.server.workload.QueueWorkload.Handler;
import dev.loupe.engine.server.workload.QueueWorkload.Impl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * BunSpreader's queue, each implementation the same from outside: expiry by each entry's own time
 * (on a manual clock, so nothing sleeps), bounds answered 503, routing; then over a real server with
 * a 50 ms expiry; and the atom's retry storm under contention, with one thread as the control.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QueueWorkloadTest {
    private static final long MS = 1_000_000;

    private final AtomicLong nowNanos = new AtomicLong(1_000 * MS);

    private Handler handler(Impl impl, int maxEntries, long maxBodyBytes) {
        return new Handler(impl, maxEntries, maxBodyBytes, nowNanos::get);
    }

    private static HttpResponse post(Handler h, long timeInQueueMs, String body) {
        return h.handle(FakeRequest.post("/json/" + timeInQueueMs, body));
    }

    @ParameterizedTest
    @EnumSource(Impl.class)
    void keepsEachBodyForItsOwnTimeAndCountsIt(Impl impl) {
        Handler h = handler(impl, 100, 1 << 20);
        assertThat(post(h, 50, "{\"a\":1}").status()).isEqualTo(200);
        assertThat(post(h, 500, "{\"b\":22}").status()).isEqualTo(200);
        assertThat(post(h, 20, "{}").status()).as("shorter, behind a longer one").isEqualTo(200);
        assertThat(h.stats()).containsEntry("queued", 3L).containsEntry("queuedBytes", 7L + 8 + 2);

        nowNanos.addAndGet(20 * MS);
        assertThat(status(h)).startsWith("{\"queued\": 2, \"queuedBytes\": 15, \"expired\": 1, \"rejected\": 0");
        nowNanos.addAndGet(29 * MS);
        assertThat(status(h)).as("1 ms before the first expires").startsWith("{\"queued\": 2,");
        nowNanos.addAndGet(MS);
        assertThat(status(h)).startsWith("{\"queued\": 1, \"queuedBytes\": 8, \"expired\": 2,");
        nowNanos.addAndGet(450 * MS);
        assertThat(status(h)).startsWith("{\"queued\": 0, \"queuedBytes\": 0, \"expired\": 3,");
        assertThat(post(h, 0, "x").status()).as("0 ms: kept until the next look").isEqualTo(200);
        assertThat(status(h)).startsWith("{\"queued\": 0,");
    }

    @ParameterizedTest
    @EnumSource(Impl.class)
    void aFullQueueAnswers503UntilEntriesExpire(Impl impl) {
        Handler h = handler(impl, 3, 1 << 20);
        for (int i = 0; i < 3; i++) {
            assertThat(post(h, 100, "{}").status()).isEqualTo(200);
        }
        HttpResponse full = post(h, 100, "{}");
        assertThat(full.status()).isEqualTo(503);
        assertThat(full.bodyText()).contains("queue full: at most 3 entries");
        assertThat(h.stats()).containsEntry("queued", 3L).containsEntry("rejected", 1L);

        nowNanos.addAndGet(100 * MS);
        assertThat(post(h, 100, "{}").status()).as("room again once they expired").isEqualTo(200);
        assertThat(h.stats()).containsEntry("queued", 1L).containsEntry("expired", 3L);

        Handler bytes = handler(impl, 100, 10);
        assertThat(post(bytes, 100, "123456").status()).isEqualTo(200);
        assertThat(post(bytes, 100, "12345").status()).as("11 body bytes > 10").isEqualTo(503);
        assertThat(post(bytes, 100, "1234").status()).isEqualTo(200);
        assertThat(bytes.stats()).containsEntry("queuedBytes", 10L).containsEntry("rejected", 1L);
    }

    @ParameterizedTest
    @EnumSource(Impl.class)
    void otherPathsMethodsAndTimesAreRefused(Impl impl) {
        Handler h = handler(impl, 100, 1 << 20);
        assertThat(h.handle(FakeRequest.get("/")).status()).isEqualTo(404);
        assertThat(h.handle(FakeRequest.get("/json")).status()).isEqualTo(404);
        assertThat(h.handle(FakeRequest.get("/statusx")).status()).isEqualTo(404);
        HttpResponse getJson = h.handle(FakeRequest.get("/json/10"));
        assertThat(getJson.status()).isEqualTo(405);
        assertThat(getJson.header("Allow")).contains("POST");
        assertThat(h.handle(FakeRequest.post("/status", "")).status()).isEqualTo(405);
        for (String bad : List.of("/json/", "/json/abc", "/json/-5", "/json/3600001", "/json/1.5", "/json/12345678")) {
            HttpResponse response = h.handle(FakeRequest.post(bad, "{}"));
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.bodyText()).as(bad).contains("(expected: whole milliseconds 0..3600000)");
        }
        assertThat(post(h, 3_600_000, "{}").status()).isEqualTo(200);
        assertThat(h.handle(FakeRequest.post("/json/7?trace=1", "{}")).status()).as("query ignored").isEqualTo(200);
        assertThat(h.stats()).containsEntry("queued", 2L).containsEntry("rejected", 0L);
    }

    @Test
    void onlyTheAtomCountsCompareAndSetOutcomes() {
        Handler atom = handler(Impl.ATOM, 100, 1 << 20);
        post(atom, 100, "{}");
        nowNanos.addAndGet(100 * MS);
        status(atom);
        assertThat(atom.stats()).containsOnlyKeys("queued", "queuedBytes", "expired", "rejected", "successes", "retries")
                .containsEntry("successes", 2L).containsEntry("retries", 0L);
        assertThat(handler(Impl.LOCKED, 1, 1).stats()).containsOnlyKeys("queued", "queuedBytes", "expired", "rejected");
        assertThat(handler(Impl.CONCURRENT, 1, 1).stats()).containsOnlyKeys("queued", "queuedBytes", "expired", "rejected");
        assertThat(Workloads.parse("queue", "--workload").newHandler()).isInstanceOfSatisfying(Handler.class,
                h -> assertThat(h.impl()).as("the default").isEqualTo(Impl.CONCURRENT));
    }

    @ParameterizedTest
    @EnumSource(Impl.class)
    void overARealServerBodiesExpireAndStatusCountsThem(Impl impl) throws Exception {
        var handler = Workloads.parse("queue:" + impl.text(), "--workload").newHandler();
        try (RunningServer server = ServerVariants.byName("virtual-threads").start(ServerConfig.of(handler));
                RawClient client = RawClient.to(server)) {
            for (int i = 0; i < 2; i++) {
                assertThat(client.send(postRequest("/json/600000", "{\"keep\":" + i + "}")).read().status()).isEqualTo(200);
            }
            for (int i = 0; i < 3; i++) {
                RawClient.Response r = client.send(postRequest("/json/50", "{\"short\":" + i + "}")).read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("content-type")).isEqualTo("application/json");
            }
            RawClient.Response status = client.send(RawClient.get("/status")).read();
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.header("content-type")).isEqualTo("application/json");
            assertThat(queued(status.body())).as(status.body()).isBetween(2L, 5L);

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            do {
                Thread.sleep(20);
                status = client.send(RawClient.get("/status")).read();
            } while (queued(status.body()) > 2 && System.nanoTime() < deadline);
            assertThat(status.body()).startsWith("{\"queued\": 2, \"queuedBytes\": 20, \"expired\": 3, \"rejected\": 0");
            assertThat(client.send(RawClient.get("/nothing-here")).read().status()).isEqualTo(404);
        }
    }

    @Test
    void theAtomRetriesMoreUnderContentionThanAlone() throws Exception {
        long alone = atomRetries(1);
        long contended = atomRetries(8);
        assertThat(alone).as("control: one thread never loses a compare-and-set").isZero();
        assertThat(contended).as("8 threads copying a long queue at once").isGreaterThanOrEqualTo(100);
    }

    /**
     * Retries of {@code threads} threads adding to one atom queue that holds a few thousand entries,
     * so each copy takes microseconds; they run until 100 retries are seen or 20 s pass.
     */
    private static long atomRetries(int threads) throws InterruptedException {
        Handler h = new Handler(Impl.ATOM, 1_000_000, 1L << 30, System::nanoTime);
        for (int i = 0; i < 5_000; i++) {
            post(h, 600_000, "{}");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().name("atom-" + t).start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 4_000 && System.nanoTime() < deadline && h.stats().get("retries") < 100; i++) {
                    post(h, 600_000, "{}");
                }
            }));
        }
        start.countDown();
        for (Thread w : workers) {
            w.join(Duration.ofSeconds(60));
        }
        return h.stats().get("retries");
    }

    private static String status(Handler h) {
        HttpResponse response = h.handle(FakeRequest.get("/status"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).contains("application/json");
        return response.bodyText();
    }

    private static long queued(String statusJson) {
        var m = java.util.regex.Pattern.compile("\"queued\": (\\d+)").matcher(statusJson);
        assertThat(m.find()).as(statusJson).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String postRequest(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: loupe-test\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
    }
}
