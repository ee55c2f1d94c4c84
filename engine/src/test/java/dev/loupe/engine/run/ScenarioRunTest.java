package dev.loupe.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.series.SecondDetail;
import dev.loupe.engine.series.SecondInterval;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real runs: the variant in-process on loopback, real load, bounded in time. */
@Tag("timing")
class ScenarioRunTest {

    @Test
    void aShortRunMeasuresEverySecondAndReturnsTheSummary() throws Exception {
        Scenario s = Scenarios.quick("""
                {"connections": 4, "threads": 1, "duration": "2s", "warmup": "1s"}""");
        List<SecondInterval> seconds = new CopyOnWriteArrayList<>();
        List<RunStarted> starts = new CopyOnWriteArrayList<>();
        List<RunResult> finishes = new CopyOnWriteArrayList<>();
        RunResult r = ScenarioRun.of(s).run(List.of(new RunListener() {
            @Override
            public void onStarted(RunStarted started) {
                starts.add(started);
            }

            @Override
            public void onSecond(SecondInterval second, SecondDetail detail) {
                seconds.add(second);
            }

            @Override
            public void onFinished(RunResult result) {
                finishes.add(result);
            }
        }));
        assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(r.summary().requests()).isPositive();
        assertThat(r.summary().errors().total()).isZero();
        assertThat(r.serverUrl()).startsWith("http://127.0.0.1:");
        assertThat(starts).singleElement().extracting(RunStarted::serverUrl).isEqualTo(r.serverUrl());
        assertThat(finishes).containsExactly(r);
        assertThat(seconds).as("live, before the JVM's side arrives").allSatisfy(live -> assertThat(live.telemetry()).isNull());
        assertThat(seconds).isEqualTo(r.intervals().stream().map(i -> i.withTelemetry(null)).toList());
        assertThat(r.intervals()).as("joined at the end").allSatisfy(i -> assertThat(i.telemetry()).isNotNull());
        assertThat(r.intervals()).filteredOn(SecondInterval::warmup).isNotEmpty();
        assertThat(r.intervals()).filteredOn(i -> !i.warmup()).hasSizeBetween(2, 3);
        assertThat(r.intervals().stream().filter(i -> !i.warmup()).mapToLong(SecondInterval::requests).sum())
                .isEqualTo(r.summary().requests());
        assertThat(r.environment().cpus()).isPositive();
    }

    @Test
    void stopEndsARunEarlyAndSaysSo() throws Exception {
        Scenario s = Scenarios.quick("""
                {"connections": 2, "threads": 1, "duration": "60s", "warmup": "0s"}""");
        ScenarioRun run = ScenarioRun.of(s);
        CountDownLatch running = new CountDownLatch(1);
        Thread stopper = Thread.ofPlatform().start(() -> {
            try {
                if (running.await(20, TimeUnit.SECONDS)) {
                    run.stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long t0 = System.nanoTime();
        RunResult r = run.run(List.of(new RunListener() {
            @Override
            public void onSnapshot(IntervalSnapshot snapshot) {
                running.countDown();
            }
        }));
        stopper.join(5000);
        assertThat(r.outcome()).isEqualTo(RunOutcome.INTERRUPTED);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(30);
        assertThat(r.summary().requests()).isPositive();
    }

    @Test
    void aListenerThatThrowsIsDroppedAndTheOthersCarryOn() throws Exception {
        List<RunListener> failed = new CopyOnWriteArrayList<>();
        List<SecondInterval> seconds = new CopyOnWriteArrayList<>();
        RunListener broken = new RunListener() {
            @Override
            public void onSnapshot(IntervalSnapshot snapshot) {
                throw new IllegalStateException("broken listener");
            }
        };
        ScenarioRun run = new ScenarioRun(Scenarios.quick("""
                {"connections": 1, "threads": 1, "duration": "1s", "warmup": "0s"}"""),
                dev.loupe.engine.load.LoadGenerator.create(), java.time.InstantSource.system(), (l, e) -> failed.add(l));
        RunResult r = run.run(List.of(broken, new RunListener() {
            @Override
            public void onSecond(SecondInterval second, SecondDetail detail) {
                seconds.add(second);
            }
        }));
        assertThat(failed).containsExactly(broken);
        assertThat(seconds).isNotEmpty();
        assertThat(r.outcome()).isEqualTo(RunOutcome.COMPLETED);
    }

    @Test
    void aPortInUseIsASetupErrorNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Scenario s = Scenarios.parse("""
                    {"name": "p", "server": {"variant": "virtual-threads", "port": %d}, "workload": "hello",
                     "load": {"duration": "1s"}}
                    """.formatted(taken.getLocalPort()));
            assertThatThrownBy(() -> ScenarioRun.of(s).run(List.of()))
                    .isInstanceOf(RunSetupException.class)
                    .hasMessageStartingWith("server.port: " + taken.getLocalPort() + " (expected: a free port on 127.0.0.1, or 0 for any free one;");
        }
    }
}
