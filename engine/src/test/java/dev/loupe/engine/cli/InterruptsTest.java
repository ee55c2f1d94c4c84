package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

/** Ctrl+C reaches the command as an action, and the JVM does not begin to shut down meanwhile. */
class InterruptsTest {

    @Test
    void ctrlCRunsTheActionWithoutShuttingTheJvmDown() throws Exception {
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
