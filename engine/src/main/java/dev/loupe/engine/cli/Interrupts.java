package dev.loupe.engine.cli;

import dev.loupe.engine.session.RunSession;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Registers what to do on Ctrl+C; the returned handle unregisters it. Tests inject their own. */
@FunctionalInterface
interface Interrupts {
    /** How long Ctrl+C waits for a stopped session's files before the JVM exits anyway. */
    Duration FILES_WAIT = Duration.ofSeconds(60);

    AutoCloseable onInterrupt(Runnable action);

    /**
     * On Ctrl+C, stops {@code session} and waits (at most {@link #FILES_WAIT}) until the command has
     * told the user what ran ({@code reported} counted down), so its files and its summary are out
     * before the JVM exits with 130.
     */
    default AutoCloseable stopOnInterrupt(RunSession session, CountDownLatch reported) {
        return onInterrupt(() -> {
            session.stop();
            try {
                reported.await(FILES_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Ctrl+C through a JVM shutdown hook: the JVM exits with 130 once the hook (which waits for the
     * command's summary) is done.
     */
    Interrupts JVM_SHUTDOWN = action -> {
        Thread hook = new Thread(action, "loupe-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running (Ctrl+C): it waits for our summary
            }
        };
    };
}
