package dev.loupe.engine.server.blocking;

import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.ServerThreads;
import dev.loupe.engine.server.http.ConnectionRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread per server that, every tick, closes the connections idle past their deadline (a kept-alive
 * connection past the idle timeout, a new one that sent nothing within the header-read timeout). This
 * lets connections wait for their next request with an untimed read, which costs no timer per request.
 * A deadline is enforced up to one tick late; the tick is an eighth of the shorter timeout, between
 * 5 ms and 250 ms.
 */
final class IdleReaper {
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final ConnectionRegistry<BlockingConnection> registry;
    private final long tickNanos;
    private final Thread thread;
    private volatile boolean running = true;

    IdleReaper(ConnectionRegistry<BlockingConnection> registry, HttpLimits limits) {
        this.registry = registry;
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
            registry.forEach(c -> c.closeIfIdleUntil(now));
        }
    }
}
