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
 * {@code virtual-threads}: one acceptor thread, and a new virtual thread per accepted connection
 * running plain blocking code. Threads cost almost nothing, so there is no pool to size; what can go
 * wrong instead is the few carrier threads underneath (pinning, CPU-bound handlers, scheduler lag).
 *
 * <p>Dispatch target {@code virtual-threads}: each probe starts a new virtual thread, as a connection
 * does, so its delay is how long the scheduler took to mount it on a carrier (scheduler lag). The
 * threads behind a late probe are the connections' ({@value ServerThreads#CONNECTION_PREFIX}…).
 *
 * <p>Public only because {@link java.util.ServiceLoader} needs it; start it through {@link
 * dev.loupe.engine.server.ServerVariants}.
 */
public final class VirtualThreadsVariant implements ServerVariant {
    public static final String NAME = "virtual-threads";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConcurrencyModel concurrencyModel() {
        return ConcurrencyModel.VIRTUAL_THREADS;
    }

    @Override
    public String description() {
        return "a virtual thread per connection: blocking code, cheap threads, few carriers;"
                + " CPU-bound or pinned handlers hold the carriers and every connection waits";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(new Tunable("threads", "unused",
                "each connection gets its own virtual thread; carriers: one per core"));
    }

    @Override
    public RunningServer start(ServerConfig config) throws IOException {
        check(config);
        return BlockingServer.start(config, new Acceptor(new NewThreadDispatcher(
                Thread.ofVirtual().name(ServerThreads.CONNECTION_PREFIX, 1).factory(), 0,
                NAME, ServerThreads.CONNECTION_PREFIX,
                Thread.ofVirtual().name(ServerThreads.PROBE_PREFIX + "virtual").factory())));
    }
}
