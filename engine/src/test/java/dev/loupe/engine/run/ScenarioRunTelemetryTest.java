package dev.loupe.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.telemetry.Evidence;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.ThreadRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs with telemetry on a real server, real probes and the real JFR stream (bounded, serial). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScenarioRunTelemetryTest {

    private static dev.loupe.engine.scenario.Scenario scenario(String variant, String workload, String extra) {
        return Scenarios.parse("""
                {"name": "t", "server": {"variant": "%s", "threads": 1}, "workload": "%s",
                 "load": {"connections": 20, "duration": "3s", "warmup": "500ms"}%s}
                """.formatted(variant, workload, extra));
    }

    @Test
    void aSleepingHandlerOnAnEventLoopDelaysItsProbesAndTheWatchdogNamesTheSleep() throws Exception {
        List<List<Finding>> live = new CopyOnWriteArrayList<>();
        List<String> order = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void onFindings(List<Finding> findings) {
                live.add(findings);
                order.add("findings");
            }

            @Override
            public void onFinished(RunResult result) {
                order.add("finished");
            }
        };
        RunResult r = ScenarioRun.of(scenario("event-loop", "sleep:1ms", "")).run(List.of(listener));

        assertThat(live).as("findings after each second, while the run goes on").hasSizeGreaterThanOrEqualTo(3);
        assertThat(order.getLast()).isEqualTo("finished");
        assertThat(live.getLast()).extracting(Finding::rule).contains("dispatch-blocked");
        assertThat(live.getFirst()).as("control: the first second, still warming up, has no telemetry to judge")
                .extracting(Finding::rule).doesNotContain("dispatch-blocked");
        assertThat(r.findings()).extracting(Finding::rule).contains("dispatch-blocked");
        assertThat(r.findings().stream().filter(f -> f.rule().equals("dispatch-blocked")).findFirst().orElseThrow().title())
                .as("the final finding quotes the watchdog's stack").contains("on loop-0 in Thread.sleep");

        assertThat(r.telemetry()).isNotNull();
        assertThat(r.telemetry().dispatchDelayMs().p50()).as("20 connections, 1 ms each, one loop").isGreaterThanOrEqualTo(1.0);
        assertThat(r.telemetry().evidence().lateDispatch()).isNotEmpty();
        Evidence late = r.telemetry().evidence().lateDispatch().getFirst();
        assertThat(late.subject()).isEqualTo("loop-0");
        assertThat(late.detail()).startsWith("loupe-server-loop-0");
        assertThat(String.join("\n", late.frames())).contains("java.lang.Thread.sleep");
        assertThat(r.intervals()).filteredOn(i -> !i.warmup()).allSatisfy(i -> assertThat(i.telemetry()).isNotNull());
    }

    @Test
    void theControlAHelloOnAnEventLoopStaysFarBelowTheSleepingOne() throws Exception {
        RunResult r = ScenarioRun.of(scenario("event-loop", "hello", "")).run(List.of());

        assertThat(r.telemetry().dispatchDelayMs().p50()).isLessThan(1.0);
    }

    @Test
    void withTelemetryOffNothingRunsAndNothingIsReported(@TempDir Path dir) throws Exception {
        List<String> telemetryThreads = new CopyOnWriteArrayList<>();
        RunListener spy = new RunListener() {
            @Override
            public void onSnapshot(IntervalSnapshot snapshot) {
                Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                        .filter(n -> ThreadRole.of(n) == ThreadRole.TELEMETRY).forEach(telemetryThreads::add);
            }

            @Override
            public void onTelemetry(TelemetrySecond second) {
                telemetryThreads.add("a telemetry second arrived");
            }
        };
        RunResult r = ScenarioRun.of(scenario("virtual-threads", "hello", ", \"telemetry\": {\"enabled\": false}"))
                .recordTo(dir.resolve("recording.jfr")).run(List.of(spy));

        assertThat(r.telemetry()).isNull();
        assertThat(r.intervals()).isNotEmpty().allSatisfy(i -> assertThat(i.telemetry()).isNull());
        assertThat(telemetryThreads).isEmpty();
        assertThat(dir.resolve("recording.jfr")).doesNotExist();
    }

    @Test
    void secondsArriveLiveInOrderAndTheRecordingParses(@TempDir Path dir) throws Exception {
        List<Long> live = Collections.synchronizedList(new ArrayList<>());
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        RunListener listener = new RunListener() {
            @Override
            public void onTelemetry(TelemetrySecond second) {
                live.add(second.startMs());
                order.add("telemetry");
            }

            @Override
            public void onFinished(RunResult result) {
                order.add("finished");
            }
        };
        Path recording = dir.resolve("recording.jfr");
        RunResult r = ScenarioRun.of(scenario("virtual-threads", "alloc:16KiB", "")).recordTo(recording)
                .run(List.of(listener));

        assertThat(live).isSorted().doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
        assertThat(order.getLast()).isEqualTo("finished");
        assertThat(r.telemetry().gc().pauses()).as("allocating 16 KiB a request collects").isPositive();
        assertThat(r.telemetry().heap().afterGcMbMax()).isNotNull();
        assertThat(r.intervals()).anySatisfy(i -> assertThat(i.telemetry().heapAfterGcMb()).isNotNull());
        assertThat(r.telemetry().process().cpuPctMean()).isNotNull();
        assertThat(Files.size(recording)).isPositive();
        assertThat(RecordingFile.readAllEvents(recording))
                .anySatisfy(e -> assertThat(e.getEventType().getName()).isEqualTo("jdk.GarbageCollection"));
    }

    @Test
    void aContendedLockOnPlatformThreadsIsAttributedToTheServerWithItsClass() throws Exception {
        RunResult r = ScenarioRun.of(Scenarios.parse("""
                {"name": "t", "server": {"variant": "fixed-pool", "threads": 8}, "workload": "contended:2ms",
                 "load": {"connections": 16, "duration": "3s", "warmup": "500ms"}}
                """)).run(List.of());

        assertThat(r.telemetry().contention().monitorEvents()).isPositive();
        assertThat(r.telemetry().evidence().locks()).anySatisfy(e -> {
            assertThat(e.subject()).contains("GlobalLock");
            assertThat(e.role()).isEqualTo("server");
            assertThat(e.frames()).isNotEmpty();
        });
        assertThat(r.intervals()).anySatisfy(i -> assertThat(i.telemetry().monitorEvents()).isPositive());
    }

    @Test
    void aPinnedVirtualThreadIsCountedWithThePinnedFrame() throws Exception {
        RunResult r = ScenarioRun.of(scenario("virtual-threads", "pinned:5ms", "")).run(List.of());

        assertThat(r.telemetry().pinned().events()).isPositive();
        assertThat(r.telemetry().evidence().pinning()).anySatisfy(e -> {
            assertThat(e.subject()).isNotBlank();
            assertThat(String.join("\n", e.frames())).contains("Pinned");
        });
    }
}
