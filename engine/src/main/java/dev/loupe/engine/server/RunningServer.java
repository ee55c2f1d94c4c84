package dev.loupe.engine.server;

import dev.loupe.engine.concurrency.DispatchTarget;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A started server. Closing it stops it gracefully within its configured bound. All methods may be
 * called from any thread.
 */
public interface RunningServer extends AutoCloseable {

    /** The bound address; the port is the real one even when port 0 was asked for. */
    InetSocketAddress address();

    /** Connections accepted and not yet closed, at this instant. */
    int openConnections();

    /**
     * Work accepted and waiting for a thread, at this instant: for a pool, the tasks in its queue
     * ({@code fixed-pool} queues whole connections). 0 for a variant that does not queue.
     */
    default int queueLength() {
        return 0;
    }

    /**
     * Connections refused at once since the start, because the server was at its thread cap or its
     * queue was full: each was answered {@code 503 Service Unavailable} and closed. 0 for a variant
     * that never refuses.
     */
    default long refusedConnections() {
        return 0;
    }

    /**
     * Where this server dispatches work, for dispatch-delay probes: each event loop, the worker
     * pool, or the thread scheduler. Empty for a server that exposes none (a plug-in variant).
     */
    default List<DispatchTarget> dispatchTargets() {
        return List.of();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080/} ({@code http://[::1]:8080/} for IPv6). */
    default String url() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        if (a.getAddress() instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = "[" + (zone < 0 ? host : host.substring(0, zone)) + "]";
        }
        return "http://" + host + ":" + a.getPort() + "/";
    }

    /**
     * Stops accepting, lets requests in flight finish within the graceful-stop bound ({@link
     * HttpLimits#gracefulStopTimeout()}), then closes every connection by force and waits (at most
     * {@link HttpLimits#FORCED_STOP_WAIT}) for the server's threads to end. Safe to call more than
     * once and from several threads; later calls wait for the first to finish.
     */
    @Override
    void close();

    /**
     * Like {@link #close()}, with {@code gracefulStop} in place of the configured bound: a run the user
     * stops gives requests in flight a moment, not the whole bound. A plug-in variant that cannot
     * shorten its stop keeps its own bound.
     */
    default void close(Duration gracefulStop) {
        close();
    }
}
