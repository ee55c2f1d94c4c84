package dev.loupe.engine.server.jdk;

import com.sun.net.httpserver.HttpServer;
import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.http.StopSupport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started JDK {@link HttpServer} and its executor. The JDK's stop closes the listener, waits up to
 * the graceful bound (in whole seconds, rounded up: its API takes seconds) for exchanges to finish,
 * then closes every connection; the executor is then shut down, which interrupts handlers that never
 * returned.
 */
final class JdkServer implements RunningServer {
    private final HttpServer server;
    private final ExecutorService executor;
    private final ExchangeHandler handler;
    private final HttpLimits limits;
    private final InetSocketAddress address;
    private final List<DispatchTarget> targets;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    JdkServer(HttpServer server, ExecutorService executor, ExchangeHandler handler, HttpLimits limits,
            DispatchTarget target) {
        this.server = server;
        this.executor = executor;
        this.handler = handler;
        this.limits = limits;
        this.address = server.getAddress();
        this.targets = List.of(target);
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    /**
     * The connections the kernel holds open on the server's port (see {@link OpenSockets}), since the
     * JDK's own count is private; where that cannot be read (not Linux), the exchanges in flight, a
     * lower bound. 0 once stopped: the JDK has closed them all.
     */
    @Override
    public int openConnections() {
        if (stopped.getCount() == 0) {
            return 0;
        }
        return OpenSockets.onLocalPort(address.getPort()).orElseGet(handler::inFlight);
    }

    /** Exchanges waiting in a fixed executor's queue; 0 for the virtual and cached executors. */
    @Override
    public int queueLength() {
        return executor instanceof SheddingExecutor shedding ? shedding.queueLength() : 0;
    }

    /** Exchanges answered 503 because the executor was at its limit or they waited too long in its queue. */
    @Override
    public long refusedConnections() {
        return executor instanceof SheddingExecutor shedding ? shedding.shedCount() : 0;
    }

    @Override
    public List<DispatchTarget> dispatchTargets() {
        return targets;
    }

    @Override
    public void close() {
        close(limits.gracefulStopTimeout());
    }

    @Override
    public void close(Duration gracefulStop) {
        if (!stopping.compareAndSet(false, true)) {
            StopSupport.awaitUninterruptibly(stopped);
            return;
        }
        try {
            long graceful = gracefulStop.toMillis();
            // The JDK counts its delay in whole seconds; a bound under a second (a user's stop) closes at once.
            server.stop(graceful < 1000 ? 0 : (int) Math.min(Integer.MAX_VALUE, (graceful + 999) / 1000));
            executor.shutdownNow();
            executor.awaitTermination(HttpLimits.FORCED_STOP_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    @Override
    public String toString() {
        return "JdkServer[" + url() + "]";
    }
}
