package dev.loupe.engine.server.http;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** What every variant's {@code close()} needs: deadlines, a quiet close, a wait that a stop cannot cut short. */
public final class StopSupport {
    private StopSupport() {}

    /** Time left until {@code deadlineNanos} (a {@link System#nanoTime()} value), never negative. */
    public static Duration until(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** Closes {@code c}; a failure to close a listener leaves nothing more to do. */
    public static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closed as far as the JDK can
        }
    }

    /**
     * Waits for {@code latch} even if interrupted (a second {@code close()} must not return before
     * the first has finished), then restores the interrupt.
     */
    public static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
