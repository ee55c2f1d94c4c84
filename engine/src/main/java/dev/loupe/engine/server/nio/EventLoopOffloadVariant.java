package dev.loupe.engine.server.nio;

import dev.loupe.engine.concurrency.ConcurrencyModel;
import dev.loupe.engine.measure.NanoClock;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.Tunable;
import dev.loupe.engine.server.VariantOption;
import java.io.IOException;
import java.util.List;

/**
 * {@code event-loop-offload}: the same selector loops for I/O, but handlers run on a pool of worker
 * threads and their responses are handed back to the connection's loop, in order. A blocking handler
 * now holds a worker, not a loop: the loops stay prompt, and the queue in front of the workers is
 * where waiting shows instead. The usual fix for {@code event-loop}'s lesson.
 *
 * <p>Option {@code workers} (server options): handler threads, default twice the loops.
 *
 * <p>Public only because {@link java.util.ServiceLoader} needs it; start it through {@link
 * dev.loupe.engine.server.ServerVariants}.
 */
public final class EventLoopOffloadVariant implements ServerVariant {
    public static final String NAME = "event-loop-offload";
    /** The option naming the worker count; its default is twice the loops. */
    static final VariantOption WORKERS = VariantOption.wholeNumber("workers", "2 x threads", 1, ServerConfig.MAX_THREADS,
            "handler threads behind one queue");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConcurrencyModel concurrencyModel() {
        return ConcurrencyModel.EVENT_LOOP_OFFLOAD;
    }

    @Override
    public String description() {
        return "selector loops for I/O, handlers on a worker pool: the usual fix for blocking handlers";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(
                new Tunable("threads", Integer.toString(EventLoopVariant.DEFAULT_LOOPS),
                        "selector loops, for I/O only"));
    }

    @Override
    public List<VariantOption> options() {
        return List.of(WORKERS);
    }

    @Override
    public RunningServer start(ServerConfig config) throws IOException {
        check(config);
        int loops = config.threadsOr(EventLoopVariant.DEFAULT_LOOPS);
        int workers = WORKERS.intValue(NAME, config, Math.min(2 * loops, ServerConfig.MAX_THREADS));
        return NioServer.start(config, loops, workers, NanoClock.system());
    }
}
