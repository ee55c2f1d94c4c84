package dev.loupe.engine.server.nio;

import dev.loupe.engine.concurrency.ConcurrencyModel;
import dev.loupe.engine.measure.NanoClock;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.Tunable;
import java.io.IOException;
import java.util.List;

/**
 * {@code event-loop}: N selector loops, each owning its connections for life, and the handler runs on
 * the loop thread itself (as in Node or Woo). The fastest variant while handlers are quick; a handler
 * that blocks stalls every connection of its loop, which the loop's dispatch delay shows.
 *
 * <p>Public only because {@link java.util.ServiceLoader} needs it; start it through {@link
 * dev.loupe.engine.server.ServerVariants}.
 */
public final class EventLoopVariant implements ServerVariant {
    public static final String NAME = "event-loop";
    /** Loops when {@code threads} is unset (the light preset's size). */
    static final int DEFAULT_LOOPS = 2;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConcurrencyModel concurrencyModel() {
        return ConcurrencyModel.EVENT_LOOP;
    }

    @Override
    public String description() {
        return "selector loops that run handlers themselves: a blocking handler stalls its whole loop";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(new Tunable("threads", Integer.toString(DEFAULT_LOOPS),
                "selector loops; each owns its connections and runs their handlers"));
    }

    @Override
    public RunningServer start(ServerConfig config) throws IOException {
        check(config);
        return NioServer.start(config, config.threadsOr(DEFAULT_LOOPS), 0, NanoClock.system());
    }
}
