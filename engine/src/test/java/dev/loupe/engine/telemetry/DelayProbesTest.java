package dev.loupe.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.measure.ManualNanoClock;
import dev.loupe.engine.measure.RunClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DelayProbesTest {
    private final ManualNanoClock nanos = new ManualNanoClock(1_000_000_000L);
    private final RunClock clock = new RunClock(nanos, nanos.nanoTime(), Instant.parse("2026-01-01T00:00:00Z"));
    private final List<TelemetrySecond> sealed = new ArrayList<>();
    private final Timeline timeline = new Timeline(0, List.of("loop-0"), 1 << 30, sealed::add);

    /** A target that holds probes until the test runs them, like a loop busy with something else. */
    private static final class HeldTarget implements DispatchTarget {
        final ArrayDeque<Runnable> held = new ArrayDeque<>();
        boolean refuse;

        @Override
        public String name() {
            return "loop-0";
        }

        @Override
        public String threadNamePrefix() {
            return "test-no-such-thread-";
        }

        @Override
        public void execute(Runnable probe) {
            if (refuse) {
                throw new RejectedExecutionException("stopped");
            }
            held.add(probe);
        }
    }

    @Test
    void aProbeRecordsHowLateItRanAndOnlyOneIsInFlight() {
        HeldTarget target = new HeldTarget();
        DelayProbes probes = new DelayProbes(List.of(target), clock, timeline, new Watchdog());

        probes.tick();
        nanos.advance(Duration.ofMillis(10));
        probes.tick();
        assertThat(target.held).as("the first is still waiting: no second one").hasSize(1);
        nanos.advance(Duration.ofMillis(5));
        target.held.poll().run(); // ran 15 ms after it was sent
        probes.tick();
        assertThat(target.held).as("collected, and the next one sent").hasSize(1);

        TelemetrySummary s = timeline.finish(1000);
        assertThat(s.dispatchDelayMs().max()).isBetween(14.9, 15.1);
        assertThat(s.dispatchTargets().getFirst().probes()).isEqualTo(1);
    }

    @Test
    void aProbeThatNeverRunsStillColoursEachSecondItWaits() {
        HeldTarget target = new HeldTarget();
        DelayProbes probes = new DelayProbes(List.of(target), clock, timeline, new Watchdog());

        probes.tick();
        for (int i = 0; i < 300; i++) { // 3 s of ticks, the loop never gets to the probe
            nanos.advance(Duration.ofMillis(10));
            probes.tick();
        }
        timeline.seal(3000);

        assertThat(sealed).extracting(sec -> sec.dispatchDelayMs().max()).containsExactly(990.0, 1990.0, 2990.0);
    }

    @Test
    void theWatchdogLooksAtMostEveryHundredMillisecondsHoweverOftenProbesAreLate() {
        HeldTarget target = new HeldTarget();
        List<String> looked = new ArrayList<>();
        Watchdog counting = new Watchdog() {
            @Override
            List<Stack> stacks(String prefix) {
                looked.add(prefix);
                return List.of();
            }
        };
        DelayProbes probes = new DelayProbes(List.of(target), clock, timeline, counting);
        for (int i = 0; i < 50; i++) { // 1 s: a probe sent, 10 ms late, run 20 ms after it was sent, and again
            probes.tick();
            nanos.advance(Duration.ofMillis(10));
            probes.tick();
            nanos.advance(Duration.ofMillis(10));
            probes.tick(); // 20 ms late: the watchdog may look
            target.held.poll().run();
            probes.tick(); // collected
        }

        assertThat(looked).as("once per 100 ms, not once per late probe (50)").hasSizeBetween(9, 11);
    }

    @Test
    void aRefusedProbeIsCountedAsDropped() {
        HeldTarget target = new HeldTarget();
        target.refuse = true;
        DelayProbes probes = new DelayProbes(List.of(target), clock, timeline, new Watchdog());

        probes.tick();
        nanos.advance(Duration.ofMillis(10));
        probes.tick();

        assertThat(timeline.finish(100).dispatchTargets().getFirst().dropped()).isEqualTo(2);
    }

    @Test
    void theWatchdogTakesTheStackOfTheLateThreadEvenWhileItSleeps() throws Exception {
        CountDownLatch asleep = new CountDownLatch(1);
        Thread sleeper = Thread.ofPlatform().name("test-late-loop-0").daemon().start(() -> {
            asleep.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertThat(asleep.await(5, TimeUnit.SECONDS)).isTrue();
            List<Watchdog.Stack> stacks = List.of();
            for (int i = 0; i < 100 && (stacks.isEmpty() || !stacks.getFirst().state().startsWith("TIMED_WAITING")); i++) {
                stacks = new Watchdog().stacks("test-late-");
                Thread.sleep(10);
            }
            assertThat(stacks).singleElement().satisfies(s -> {
                assertThat(s.thread()).isEqualTo("test-late-loop-0");
                assertThat(s.state()).startsWith("TIMED_WAITING");
                assertThat(String.join("\n", s.frames())).contains("java.lang.Thread.sleep");
            });
            assertThat(new Watchdog().stacks("test-nobody-")).as("the control: no such thread").isEmpty();
        } finally {
            sleeper.interrupt();
        }
    }
}
