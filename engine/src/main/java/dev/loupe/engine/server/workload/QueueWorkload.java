package dev.loupe.engine.server.workload;

import dev.loupe.engine.server.HttpRequest;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * {@code queue[:IMPL]}: BunSpreader, a stateful server. {@code POST /json/{timeInQueueMs}} keeps the
 * request's body for that many milliseconds (0 to {@link #MAX_TIME_IN_QUEUE_MS}) and answers 200;
 * {@code GET /status} answers the counters as JSON, e.g. {@code {"queued": 12, "queuedBytes": 480,
 * "expired": 3, "rejected": 0}} ({@code atom} adds {@code successes} and {@code retries}). Bounded: at
 * most {@link #MAX_ENTRIES} bodies and {@link #MAX_BODY_BYTES} of them; a body beyond either is
 * answered 503 and counted as {@code rejected}. Other paths get 404, other methods 405, a bad time
 * 400.
 *
 * <p>The IMPL picks how the queue is shared between threads ({@link LockedQueue}, {@link
 * ConcurrentQueue}, {@link AtomQueue}); expiry is checked lazily on each {@code POST} and {@code GET
 * /status}. Each handler holds its own queue: a new handler per server start begins empty.
 */
final class QueueWorkload implements Workload {
    static final String DEFAULT = "concurrent";
    static final int MAX_ENTRIES = 100_000;
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
    static final long MAX_TIME_IN_QUEUE_MS = 3_600_000;

    /** The implementations by name, in the order messages list them. */
    enum Impl {
        LOCKED, CONCURRENT, ATOM;

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        QueueStore newStore(int maxEntries, long maxBodyBytes) {
            return switch (this) {
                case LOCKED -> new LockedQueue(maxEntries, maxBodyBytes);
                case CONCURRENT -> new ConcurrentQueue(maxEntries, maxBodyBytes);
                case ATOM -> new AtomQueue(maxEntries, maxBodyBytes);
            };
        }

        static Impl parse(String text) {
            for (Impl impl : values()) {
                if (impl.text().equals(text)) {
                    return impl;
                }
            }
            throw new IllegalArgumentException("queue implementation '" + text
                    + "' (expected: locked, concurrent or atom)");
        }
    }

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public String parameter() {
        return "locked/concurrent/atom";
    }

    @Override
    public String defaultParameter() {
        return DEFAULT;
    }

    @Override
    public String description() {
        return "BunSpreader: POST /json/{timeInQueueMs} keeps the body that long, GET /status counts;"
                + " atom: a copy-on-write CAS that storms with retries";
    }

    @Override
    public RequestHandler handler(String parameter) {
        return new Handler(Impl.parse(parameter), MAX_ENTRIES, MAX_BODY_BYTES, System::nanoTime);
    }

    static final class Handler implements RequestHandler, WorkloadStats {
        private static final String JSON = "application/json";
        private static final String JSON_PREFIX = "/json/";
        private static final HttpResponse QUEUED =
                HttpResponse.of(200, JSON, "{\"queued\": true}".getBytes(StandardCharsets.US_ASCII));
        private static final HttpResponse NOT_FOUND = HttpResponse.text(404,
                "404 Not Found: the queue serves POST /json/{timeInQueueMs} and GET /status\n");
        private static final HttpResponse POST_ONLY =
                HttpResponse.text(405, "405 Method Not Allowed: use POST /json/{timeInQueueMs}\n")
                        .withHeader("Allow", "POST");
        private static final HttpResponse GET_ONLY =
                HttpResponse.text(405, "405 Method Not Allowed: use GET /status\n").withHeader("Allow", "GET, HEAD");

        private final Impl impl;
        private final QueueStore store;
        private final LongSupplier nanoClock;
        private final HttpResponse full;
        private final LongAdder rejected = new LongAdder();

        /**
         * @param nanoClock the {@link System#nanoTime} scale; tests pass a manual clock
         */
        Handler(Impl impl, int maxEntries, long maxBodyBytes, LongSupplier nanoClock) {
            this.impl = impl;
            this.store = impl.newStore(maxEntries, maxBodyBytes);
            this.nanoClock = nanoClock;
            this.full = HttpResponse.of(503, JSON, ("{\"error\": \"queue full: at most " + maxEntries
                    + " entries and " + maxBodyBytes + " body bytes; retry when entries expire\"}")
                    .getBytes(StandardCharsets.US_ASCII));
        }

        Impl impl() {
            return impl;
        }

        @Override
        public HttpResponse handle(HttpRequest request) {
            String path = request.path();
            if (path.startsWith(JSON_PREFIX)) {
                if (!request.method().equals("POST")) {
                    return POST_ONLY;
                }
                long timeMs = timeInQueueMs(path);
                if (timeMs < 0) {
                    return HttpResponse.text(400, "400 Bad Request: timeInQueueMs '" + path.substring(JSON_PREFIX.length())
                            + "' (expected: whole milliseconds 0.." + MAX_TIME_IN_QUEUE_MS + ")\n");
                }
                long now = nanoClock.getAsLong();
                QueueStore.Entry entry = new QueueStore.Entry(now + timeMs * 1_000_000, copy(request.body()));
                if (store.offer(entry, now)) {
                    return QUEUED;
                }
                rejected.increment();
                return full;
            }
            if (path.equals("/status")) {
                if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
                    return GET_ONLY;
                }
                store.expire(nanoClock.getAsLong());
                return HttpResponse.of(200, JSON, (Stats.json(stats()) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return NOT_FOUND;
        }

        /** The time in the path, or -1 when it is not a whole number 0..{@link #MAX_TIME_IN_QUEUE_MS}. */
        private static long timeInQueueMs(String path) {
            int start = JSON_PREFIX.length();
            int digits = path.length() - start;
            if (digits < 1 || digits > 7) {
                return -1;
            }
            long ms = 0;
            for (int i = start; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                ms = ms * 10 + (c - '0');
            }
            return ms <= MAX_TIME_IN_QUEUE_MS ? ms : -1;
        }

        private static byte[] copy(ByteBuffer body) {
            byte[] bytes = new byte[body.remaining()];
            body.get(bytes);
            return bytes;
        }

        /** {@code queued}, {@code queuedBytes}, {@code expired}, {@code rejected}, then the store's own. */
        @Override
        public Map<String, Long> stats() {
            Stats stats = new Stats().put("queued", store.size()).put("queuedBytes", store.bodyBytes())
                    .put("expired", store.expired()).put("rejected", rejected.sum());
            store.ownStats().forEach(stats::put);
            return stats.map();
        }
    }
}
