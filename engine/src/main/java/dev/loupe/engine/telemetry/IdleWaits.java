package dev.loupe.engine.telemetry;

import java.util.List;

/**
 * Parks that are a thread waiting for work, not for a lock: a pool worker in {@code getTask}, a
 * fork-join carrier with nothing to run, a scheduler waiting for its next timer, the blocking
 * variants' idle-connection reaper between its ticks. They are how an idle
 * pool looks, so they count as neither contention nor evidence.
 */
final class IdleWaits {
    private static final List<String> IDLE_FRAMES = List.of(
            "java.util.concurrent.ThreadPoolExecutor.getTask",
            "java.util.concurrent.ForkJoinPool.awaitWork",
            "java.util.concurrent.ForkJoinPool.runWorker",
            "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take",
            "java.util.concurrent.CountDownLatch.await",
            "java.util.concurrent.CompletableFuture.get",
            "java.util.concurrent.CompletableFuture.join",
            "dev.loupe.engine.server.blocking.IdleReaper.");
    /** How deep to look: the idle frame sits a few frames below the park. */
    private static final int DEPTH = 8;

    private IdleWaits() {}

    static boolean isIdle(List<String> frames) {
        for (int i = 0; i < frames.size() && i < DEPTH; i++) {
            String f = frames.get(i);
            for (String idle : IDLE_FRAMES) {
                if (f.startsWith(idle)) {
                    return true;
                }
            }
        }
        return false;
    }
}
