package dev.loupe.engine.server.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.HttpRequest;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler for variant tests: {@code /block} holds its thread until {@link #open()}, anything else
 * answers at once. Tests use it to occupy a known number of server threads.
 */
final class Gate implements RequestHandler {
    static final Duration SOON = Duration.ofSeconds(15);
    private final CountDownLatch open = new CountDownLatch(1);
    private final AtomicInteger blocked = new AtomicInteger();

    @Override
    public HttpResponse handle(HttpRequest request) throws InterruptedException {
        if (request.path().equals("/block")) {
            blocked.incrementAndGet();
            open.await(); // interruptible: a forced stop ends it
        }
        return HttpResponse.text(200, request.path());
    }

    void open() {
        open.countDown();
    }

    /** Waits (bounded) until this many requests are held. */
    void awaitBlocked(int count) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (blocked.get() < count) {
            assertThat(System.nanoTime()).as("%d requests held in time", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
