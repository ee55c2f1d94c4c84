package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** Ctrl+C reaches the command as an action, and the JVM does not begin to shut down meanwhile. */
class InterruptsTest {

    @Test
    void ctrlCRunsTheActionWithoutShuttingTheJvmDown() throws Exception {
        // A process started in the background by a shell inherits SIGINT ignored; the JVM then installs
        // no handler and no Ctrl+C can reach it, which is the shell's choice, not something to test here.
        SignalHandler before = Signal.handle(new Signal("INT"), SignalHandler.SIG_DFL);
        Signal.handle(new Signal("INT"), before);
        assumeFalse(before == SignalHandler.SIG_IGN, "SIGINT is ignored in this process (started in the background)");
        CountDownLatch ran = new CountDownLatch(1);
        try (AutoCloseable ignored = Interrupts.CTRL_C.onInterrupt(ran::countDown)) {
            Signal.raise(new Signal("INT"));
            assertThat(ran.await(10, TimeUnit.SECONDS)).as("the action ran").isTrue();
            // A JVM that had begun to shut down refuses new hooks: this one is still running normally.
            Thread probe = new Thread(() -> {});
            Runtime.getRuntime().addShutdownHook(probe);
            assertThat(Runtime.getRuntime().removeShutdownHook(probe)).isTrue();
        }
    }
}
