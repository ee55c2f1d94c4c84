package dev.loupe.engine.cli;

import dev.loupe.engine.session.RunSession;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

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
        return stopOnInterrupt(session::stop, reported);
    }

    /** The same for any work that {@code stop} ends: a matrix's runs. */
    default AutoCloseable stopOnInterrupt(Runnable stop, CountDownLatch reported) {
        return onInterrupt(() -> {
            stop.run();
            try {
                reported.await(FILES_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Ctrl+C (and any other shutdown: SIGTERM, a closed terminal) through a JVM shutdown hook: the JVM
     * exits with 130 once the hook (which waits for the command's summary) is done.
     */
    Interrupts JVM_SHUTDOWN = action -> {
        Thread hook = new Thread(action, "loupe-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for our summary
            }
        };
    };

    /**
     * Ctrl+C as a signal the command handles itself, so the JVM does not begin to shut down while the
     * run stops: JFR's own shutdown hook would close the recording before the run folder has it. The
     * command then ends as it would and exits 130. A second Ctrl+C gives up waiting: the JVM shuts down
     * at once. Any other shutdown still goes through {@link #JVM_SHUTDOWN}; where the signal cannot be
     * handled, Ctrl+C does too.
     */
    Interrupts CTRL_C = action -> {
        AutoCloseable hook = JVM_SHUTDOWN.onInterrupt(action);
        try {
            Signal interrupt = new Signal("INT");
            AtomicInteger presses = new AtomicInteger();
            SignalHandler previous = Signal.handle(interrupt, signal -> {
                if (presses.incrementAndGet() == 1) {
                    Thread.ofPlatform().daemon().name("loupe-interrupt").start(action);
                } else {
                    Signal.handle(interrupt, SignalHandler.SIG_DFL);
                    Signal.raise(interrupt);
                }
            });
            return () -> {
                Signal.handle(interrupt, previous);
                hook.close();
            };
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError noSignals) {
            return hook;
        }
    };
}
