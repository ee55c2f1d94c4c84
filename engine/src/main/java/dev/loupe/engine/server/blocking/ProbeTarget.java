package dev.loupe.engine.server.blocking;

import dev.loupe.engine.concurrency.DispatchTarget;
import java.util.concurrent.Executor;

/**
 * A {@link DispatchTarget} made of its name, the prefix of the threads it runs work on, and how it
 * runs a probe, which must never block and throws {@link
 * java.util.concurrent.RejectedExecutionException} when it cannot take one.
 */
record ProbeTarget(String name, String threadNamePrefix, Executor runner) implements DispatchTarget {
    @Override
    public void execute(Runnable probe) {
        runner.execute(probe);
    }
}
