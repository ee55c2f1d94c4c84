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
 * {@code thread-per-connection}: one acceptor thread starts a new platform thread ({@value
 * ServerThreads#CONNECTION_PREFIX}N) for each accepted connection, which serves it until it closes and
 * then ends. Starting a thread costs tens of microseconds and each holds its own stack, so this model
 * pays per connection: cheap with keep-alive, expensive without (Hunchentoot's default taskmaster).
 * At most {@link ServerConfig#maxThreads()} connections are served at once; the acceptor answers one
 * beyond that {@code 503} (with {@code Connection: close} and {@code Retry-After}) itself, closes it
 * and counts it ({@link RunningServer#refusedConnections()}).
 *
 * <p>Dispatch target {@code new-threads}: each probe starts a new platform thread ({@value
 * ServerThreads#PROBE_PREFIX}thread), exactly as a connection gets its thread, so its delay is how
 * late the OS first runs a new thread: run-queue lag when the cores are busy. Probes are not counted
 * against the cap.
 *
 * <p>Public only because {@link java.util.ServiceLoader} needs it; start it through {@link
 * dev.loupe.engine.server.ServerVariants}.
 */
public final class ThreadPerConnectionVariant implements ServerVariant {
    public static final String NAME = "thread-per-connection";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConcurrencyModel concurrencyModel() {
        return ConcurrencyModel.THREAD_PER_CONNECTION;
    }

    @Override
    public String description() {
        return "a new platform thread per connection, up to maxThreads (then 503): thread start-up is"
                + " paid per connection, so short connections (no keep-alive) make it slow";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(
                new Tunable("threads", "unused", "a thread is started for each connection and ends with it"),
                new Tunable("maxThreads", Integer.toString(ServerConfig.DEFAULT_MAX_THREADS),
                        "connections served at once; the next one gets 503 and is closed"));
    }

    @Override
    public RunningServer start(ServerConfig config) throws IOException {
        check(config);
        return BlockingServer.start(config, new Acceptor(new NewThreadDispatcher(
                Thread.ofPlatform().name(ServerThreads.CONNECTION_PREFIX, 1).daemon(true).factory(),
                config.maxThreads(),
                "new-threads", ServerThreads.CONNECTION_PREFIX,
                Thread.ofPlatform().name(ServerThreads.PROBE_PREFIX + "thread").daemon(true).factory())));
    }
}
