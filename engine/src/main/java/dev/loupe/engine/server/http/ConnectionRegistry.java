package dev.loupe.engine.server.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The open connections of one server, and the graceful stop: {@link #drain} closes idle connections,
 * tells busy ones to close after their response ({@link #stopping()}), and waits for them within a
 * bound; {@link #forceCloseAll} ends what is left.
 *
 * <p>Thread-safe. Connections add and remove themselves from their own threads; a stopping thread
 * drains.
 */
public final class ConnectionRegistry<C extends TrackedConnection> {
    /** Waits re-check at least this often, so a missed signal costs little. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Set<C> open = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition emptied = lock.newCondition();
    private volatile boolean stopping;

    /** Registers an accepted connection; during a stop it is closed at once if it is idle. */
    public void add(C connection) {
        open.add(connection);
        if (stopping) {
            connection.closeIfIdle();
        }
    }

    /** Unregisters a connection that has closed. */
    public void remove(C connection) {
        open.remove(connection);
        if (stopping && open.isEmpty()) {
            lock.lock();
            try {
                emptied.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Calls the action for each connection open now (weakly consistent: safe during changes). */
    public void forEach(Consumer<? super C> action) {
        open.forEach(action);
    }

    /** Connections open now. */
    public int size() {
        return open.size();
    }

    /** True once a stop has begun: busy connections answer with {@code Connection: close} and close. */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Begins the stop (if not begun), closes idle connections and waits for the rest to finish.
     *
     * @return true if every connection closed within the bound
     */
    public boolean drain(Duration bound) throws InterruptedException {
        stopping = true;
        for (C c : open) {
            c.closeIfIdle();
        }
        return awaitEmpty(bound);
    }

    /** Closes every connection still open now and interrupts the threads serving them. */
    public void forceCloseAll() {
        stopping = true;
        for (C c : open) {
            c.forceClose();
        }
    }

    /** Waits at most {@code bound} for every connection to close; true if they did. */
    public boolean awaitEmpty(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        lock.lock();
        try {
            while (!open.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                emptied.awaitNanos(Math.min(left, RECHECK_NANOS));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
