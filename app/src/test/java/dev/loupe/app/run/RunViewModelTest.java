package dev.loupe.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.app.live.LiveTimeline;
import dev.loupe.engine.chart.Lane;
import dev.loupe.engine.run.RunCatalog;
import dev.loupe.engine.scenario.Overrides;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.session.SessionOutcome;
import dev.loupe.engine.session.SessionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start and Stop as the dashboard drives them, with real short runs and a same-thread executor. */
@Tag("timing")
class RunViewModelTest {
    @TempDir
    Path dir;

    private static Scenario scenario(String load) throws Exception {
        return new ScenarioReader(RunCatalog.installed()).read("""
                {"name": "ui", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": %s, "telemetry": {"enabled": false}}
                """.formatted(load), "ui.json", Path.of("."), Overrides.none());
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(done.getAsBoolean()).as("in time").isTrue();
    }

    @Test
    void aRunFromTheDashboardWritesTheSameRunFolderAsTheCommandLine() throws Exception {
        RunViewModel run = new RunViewModel(dir, InstantSource.system(), Runnable::run);
        List<SessionState> states = new CopyOnWriteArrayList<>();
        run.stateProperty().addListener((o, before, now) -> states.add(now));

        assertThat(run.start(scenario("{\"connections\": 2, \"duration\": \"1s\", \"warmup\": \"1s\"}"), "ui.json")).isTrue();
        assertThat(run.runningProperty().get()).isTrue();
        await(() -> !run.runningProperty().get());

        assertThat(run.outcomeProperty().get()).isInstanceOf(SessionOutcome.ScenarioFinished.class);
        assertThat(run.outcomeProperty().get().stopped()).isFalse();
        Path folder = run.runFolderProperty().get();
        assertThat(folder.getParent()).isEqualTo(dir.resolve("runs"));
        assertThat(folder.getFileName().toString()).endsWith("-ui");
        for (String file : List.of("result.json", "SUMMARY.md", "journal.jsonl", "latency.hlog", "run.log")) {
            assertThat(folder.resolve(file)).as(file).isRegularFile();
        }
        assertThat(states).contains(SessionState.WARMING_UP, SessionState.MEASURING, SessionState.WRITING)
                .endsWith(SessionState.DONE);
        assertThat(run.totalMsProperty().get()).isEqualTo(2000);
        assertThat(run.elapsedMsProperty().get()).isEqualTo(2000);
    }

    @Test
    void theChartsHoldForAFinishedRunWhatResultJsonHoldsForIt() throws Exception {
        Scenario withTelemetry = new ScenarioReader(RunCatalog.installed()).read("""
                {"name": "charts", "server": {"variant": "event-loop"}, "workload": "hello",
                 "load": {"connections": 2, "duration": "3s", "warmup": "1s"}}
                """, "charts.json", Path.of("."), Overrides.none());
        RunViewModel run = new RunViewModel(dir, InstantSource.system(), Runnable::run);
        run.start(withTelemetry, "charts.json");
        await(() -> !run.runningProperty().get());

        JsonNode intervals = new ObjectMapper().readTree(run.runFolderProperty().get().resolve("result.json").toFile())
                .get("intervals");
        LiveTimeline charts = run.timeline();
        assertThat(charts.ring(Lane.THROUGHPUT).size()).isEqualTo(intervals.size()).isGreaterThanOrEqualTo(4);
        int withJvm = 0;
        for (int i = 0; i < intervals.size(); i++) {
            JsonNode second = intervals.get(i);
            assertThat(charts.ring(Lane.THROUGHPUT).startMs(i)).isEqualTo(second.get("startMs").asLong());
            assertThat(charts.ring(Lane.THROUGHPUT).max(i)).isCloseTo(second.get("throughputRps").asDouble(), within(0.01));
            assertThat(charts.ring(Lane.LATENCY_P99).max(i)).isEqualTo(second.at("/latencyMs/p99").asDouble());
            assertThat(charts.ring(Lane.UNCORRECTED_MAX).max(i)).isEqualTo(second.at("/uncorrectedLatencyMs/max").asDouble());
            JsonNode jvm = second.get("telemetry");
            if (jvm != null && !jvm.isNull()) {
                int j = charts.ring(Lane.HEAP_USED).indexAt(second.get("startMs").asLong());
                assertThat(Double.valueOf(charts.ring(Lane.HEAP_USED).max(j))).isEqualTo(number(jvm.at("/heapUsedMbMax")));
                assertThat(Double.valueOf(charts.ring(Lane.DISPATCH_MAX).max(j))).isEqualTo(number(jvm.at("/dispatchDelayMs/max")));
                withJvm++;
            }
        }
        assertThat(withJvm).as("the JVM's lanes are there too").isGreaterThanOrEqualTo(3);
        assertThat(charts.ring(Lane.HEAP_USED).size()).as("no JVM second past the result's (the teardown's)").isEqualTo(withJvm);
        assertThat(run.lampProperty().get()).as("an event loop's probes light the lamp").isNotNull();
        assertThat(run.droppedItems()).isZero();
    }

    /** A number of result.json, NaN where it says null (nothing measured), as the charts hold it. */
    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    @Test
    void stopDuringTheWarmUpEndsTheRunSoonAndTheControlRunsOn() throws Exception {
        Scenario longRun = scenario("{\"connections\": 2, \"duration\": \"60s\", \"warmup\": \"30s\"}");
        RunViewModel stopped = new RunViewModel(dir.resolve("a"), InstantSource.system(), Runnable::run);
        RunViewModel control = new RunViewModel(dir.resolve("b"), InstantSource.system(), Runnable::run);
        stopped.start(longRun, "ui.json");
        control.start(longRun, "ui.json");
        await(() -> stopped.stateProperty().get() == SessionState.WARMING_UP);
        await(() -> control.stateProperty().get() == SessionState.WARMING_UP);

        long at = System.nanoTime();
        stopped.stop();
        await(() -> !stopped.runningProperty().get());
        assertThat(Duration.ofNanos(System.nanoTime() - at)).as("ends soon after the stop").isLessThan(Duration.ofSeconds(5));
        assertThat(stopped.outcomeProperty().get().stopped()).isTrue();
        assertThat(stopped.runFolderProperty().get().resolve("result.json")).isRegularFile();
        assertThat(control.runningProperty().get()).as("control: not stopped, still warming up").isTrue();

        control.close(); // as a closing window does: stopped and written before it returns
        assertThat(control.outcomeProperty().get()).isNotNull();
        assertThat(control.runFolderProperty().get().resolve("result.json")).isRegularFile();
    }

    @Test
    void aRunThatCannotStartSaysWhyAndLeavesTheDashboardReady() throws Exception {
        Path file = Files.writeString(dir.resolve("runs"), "a file where the runs folder should be");
        RunViewModel run = new RunViewModel(dir, InstantSource.system(), Runnable::run);
        assertThat(run.start(scenario("{\"duration\": \"1s\"}"), "ui.json")).isFalse();
        assertThat(run.messageProperty().get()).startsWith("cannot create the run folder");
        assertThat(run.runningProperty().get()).isFalse();
        assertThat(file).isRegularFile();
    }
}
