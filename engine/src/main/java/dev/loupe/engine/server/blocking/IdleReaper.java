package dev.loupe.engine.server.blocking;

import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.ServerThreads;
import dev.loupe.engine.server.http.ConnectionRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread per server that, every tick, closes the connections idle past their deadline (a kept-alive
 * connection past the idle timeout, a new one that sent nothing within the header-read timeout), and
 * sheds the connections that waited in a pool's queue for that long: taken back out of the queue, they
 * are answered 503 (their request may be complete; the server must not drop it without a word). This
 * lets connections wait for their next request with an untimed read, which costs no timer per request.
 * A deadline is enforced up to one tick late; the tick is an eighth of the shorter timeout, between
 * 5 ms and 250 ms.
 */
final class IdleReaper {
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final ConnectionRegistry<BlockingConnection> registry;
    private final Predicate<BlockingConnection> withdraw;
    private final Consumer<BlockingConnection> shed;
    private final long tickNanos;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param withdraw takes a queued connection out of its queue ({@link ThreadModel#withdraw})
     * @param shed answers a withdrawn connection 503 and closes it
     */
    IdleReaper(ConnectionRegistry<BlockingConnection> registry, HttpLimits limits,
            Predicate<BlockingConnection> withdraw, Consumer<BlockingConnection> shed) {
        this.registry = registry;
        this.withdraw = withdraw;
        this.shed = shed;
        long shorter = Math.min(limits.idleTimeout().toNanos(), limits.headerReadTimeout().toNanos());
        this.tickNanos = Math.clamp(shorter / 8, MIN_TICK_NANOS, MAX_TICK_NANOS);
        this.thread = Thread.ofPlatform().name(ServerThreads.IDLE_REAPER).daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Ends the thread; waits at most the bound for it. Called by the stopping thread. */
    void stop(Duration bound) throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join(bound);
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(this, tickNanos);
            long now = BlockingConnection.clock();
            registry.forEach(c -> {
                if (c.queuedPast(now) && withdraw.test(c)) {
                    shed.accept(c);
                } else {
                    c.closeIfIdleUntil(now);
                }
            });
        }
    }
}
