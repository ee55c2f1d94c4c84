package dev.loupe.engine.server.blocking;

import dev.loupe.engine.concurrency.ConcurrencyModel;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerThreads;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.Tunable;
import java.io.IOException;
import java.util.List;

/**
 * {@code accept-pool} (hunchentoot-recycle): {@code threads} standby platform threads ({@value
 * ServerThreads#ACCEPT_PREFIX}N) all block in {@code accept()} on the shared listen socket, and the one
 * that gets a connection serves it itself, then accepts again. Threads are recycled instead of started
 * per connection, so it stays fast without keep-alive; when no thread is left waiting, one more is
 * started, up to {@link ServerConfig#maxThreads()} connections served at once (then 503, counted in
 * {@link RunningServer#refusedConnections()}), and an idle pool shrinks back to {@code threads}. The
 * rules and the dispatch target ({@code standby}) are in {@link AcceptPool}.
 *
 * <p>Public only because {@link java.util.ServiceLoader} needs it; start it through {@link
 * dev.loupe.engine.server.ServerVariants}.
 */
public final class AcceptPoolVariant implements ServerVariant {
    public static final String NAME = "accept-pool";
    /** Standby threads when {@code threads} is unset: the heavy preset's count. */
    static final int DEFAULT_THREADS = 4;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConcurrencyModel concurrencyModel() {
        return ConcurrencyModel.ACCEPT_POOL;
    }

    @Override
    public String description() {
        return "N threads wait in accept() and serve what they accept: no hand-off, no thread start per"
                + " connection, so new connections stay cheap; grows to maxThreads under load (then 503)";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(
                new Tunable("threads", Integer.toString(DEFAULT_THREADS),
                        "standby threads waiting in accept(); an idle pool shrinks back to this many"),
                new Tunable("maxThreads", Integer.toString(ServerConfig.DEFAULT_MAX_THREADS),
                        "connections served at once (one thread each); the next one gets 503 and is closed"));
    }

    @Override
    public void check(ServerConfig config) {
        ServerVariant.super.check(config);
        int standby = config.threadsOr(DEFAULT_THREADS);
        if (standby > config.maxThreads()) {
            throw new IllegalArgumentException("server.threads: " + standby + " (expected: at most server.maxThreads ("
                    + config.maxThreads() + ") for " + NAME + ")");
        }
    }

    @Override
    public RunningServer start(ServerConfig config) throws IOException {
        check(config);
        int standby = config.threadsOr(DEFAULT_THREADS);
        return BlockingServer.start(config, new AcceptPool(
                Thread.ofPlatform().name(ServerThreads.ACCEPT_PREFIX, 1).daemon(true).factory(),
                Thread.ofPlatform().name(ServerThreads.PROBE_PREFIX + "standby").daemon(true).factory(),
                standby, config.maxThreads()));
    }
}
