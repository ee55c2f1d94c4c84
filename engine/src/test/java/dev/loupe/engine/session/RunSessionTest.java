package dev.loupe.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.load.HttpUrl;
import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.load.LoadSpec;
import dev.loupe.engine.measure.ManualNanoClock;
import dev.loupe.engine.run.RunCatalog;
import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.scenario.InvalidScenarioException;
import dev.loupe.engine.scenario.Overrides;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session ends soon after a stop from any state, and still writes its files. The runs that must
 * not end by themselves run on a {@link ManualNanoClock} that never moves, so their duration never
 * passes: without a stop they would go on for ever, which each test's control shows.
 */
@Tag("timing")
class RunSessionTest {
    /** How long a stopped session may take to end here: the target is a second; a noisy machine gets slack. */
    private static final Duration ENDS_WITHIN = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private final List<SessionState> states = new CopyOnWriteArrayList<>();
    private final SessionListener recorder = new SessionListener() {
        @Override
        public void onState(SessionState state) {
            states.add(state);
        }
    };

    private static Scenario scenario(String server, String workload, String load, boolean telemetry) throws InvalidScenarioException {
        return new ScenarioReader(RunCatalog.installed()).read("""
                {"name": "stop", "server": %s, "workload": "%s", "load": %s, "telemetry": {"enabled": %s}}
                """.formatted(server, workload, load, telemetry), "stop.json", Path.of("."), Overrides.none());
    }

    private RunSession frozen(Scenario scenario, Path folder) throws Exception {
        Files.createDirectories(folder);
        LoadGenerator generator = new LoadGenerator(new ManualNanoClock(1_000_000_000L),
                Thread.ofPlatform().daemon(true).factory());
        return RunSession.scenario(scenario, "stop.json", folder, List.of(), Optional.empty(), generator,
                InstantSource.system());
    }

    private static void awaitState(RunSession session, Predicate<SessionState> reached) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!reached.test(session.state()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(reached.test(session.state())).as("reached in time: " + session.state()).isTrue();
    }

    private static SessionOutcome.ScenarioFinished stopAndAwait(RunSession session) throws InterruptedException {
        session.stop();
        Optional<SessionOutcome> outcome = session.await(ENDS_WITHIN);
        assertThat(outcome).as("ended within " + ENDS_WITHIN + " of the stop").isPresent();
        assertThat(outcome.get()).isInstanceOf(SessionOutcome.ScenarioFinished.class);
        return (SessionOutcome.ScenarioFinished) outcome.get();
    }

    private static void assertFolderWritten(SessionOutcome.ScenarioFinished done) {
        assertThat(done.stopped()).isTrue();
        assertThat(done.result().outcome()).isEqualTo(RunOutcome.INTERRUPTED);
        assertThat(done.folder().resolve("result.json")).isRegularFile();
        assertThat(done.folder().resolve("SUMMARY.md")).isRegularFile();
        assertThat(done.folder().resolve("run.log")).isRegularFile();
        assertThat(done.written().files()).contains("result.json", "SUMMARY.md", "run.log");
    }

    @Test
    void aStopWhileWarmingUpEndsTheSessionAndWritesTheFolder() throws Exception {
        Scenario s = scenario("{\"variant\": \"virtual-threads\"}", "hello",
                "{\"connections\": 2, \"duration\": \"10s\", \"warmup\": \"5s\"}", false);
        RunSession session = frozen(s, dir.resolve("warm")).start(List.of(recorder));
        awaitState(session, st -> st == SessionState.WARMING_UP);

        SessionOutcome.ScenarioFinished done = stopAndAwait(session);
        assertFolderWritten(done);
        assertThat(done.result().summary().requests()).as("nothing was measured").isZero();
        assertThat(states).containsExactly(SessionState.STARTING, SessionState.WARMING_UP, SessionState.DRAINING,
                SessionState.WRITING, SessionState.DONE);
    }

    @Test
    void aStopWhileMeasuringEndsTheSessionAndTheControlRunsOn() throws Exception {
        Scenario s = scenario("{\"variant\": \"event-loop\", \"threads\": 1}", "hello",
                "{\"connections\": 2, \"duration\": \"10s\", \"warmup\": \"0s\"}", false);
        RunSession control = frozen(s, dir.resolve("control")).start(List.of());
        RunSession session = frozen(s, dir.resolve("measure")).start(List.of(recorder));
        awaitState(session, st -> st == SessionState.MEASURING);
        awaitState(control, st -> st == SessionState.MEASURING);

        assertFolderWritten(stopAndAwait(session));
        assertThat(control.await(ENDS_WITHIN)).as("control: not stopped, its clock never ends it").isEmpty();
        assertThat(control.state()).isEqualTo(SessionState.MEASURING);
        assertFolderWritten(stopAndAwait(control));
    }

    @Test
    void aStopWhileJfrAndTheServerStartEndsTheSessionWithAnEmptyRun() throws Exception {
        Scenario s = scenario("{\"variant\": \"virtual-threads\"}", "hello",
                "{\"connections\": 2, \"duration\": \"30s\", \"warmup\": \"5s\"}", true);
        Files.createDirectories(dir.resolve("start"));
        RunSession session = RunSession.scenario(s, "stop.json", dir.resolve("start"), List.of(), Optional.empty(),
                LoadGenerator.create(), InstantSource.system()).start(List.of(recorder));
        assertThat(session.state()).isEqualTo(SessionState.STARTING);

        long stoppedAt = System.nanoTime();
        SessionOutcome.ScenarioFinished done = stopAndAwait(session);
        long tookMs = (System.nanoTime() - stoppedAt) / 1_000_000;
        assertFolderWritten(done);
        assertThat(done.result().summary().requests()).as("stopped before the measured part: nothing measured").isZero();
        assertThat(states).doesNotContain(SessionState.MEASURING);
        assertThat(tookMs).as("the JFR start-up (about a second) was not waited for").isLessThan(ENDS_WITHIN.toMillis());
    }

    @Test
    void aStopWhileDrainingCutsTheWaitForSlowResponses() throws Exception {
        // 1 s of load at a handler that sleeps 3 s: after the second, the run drains, and would wait up to
        // the stop grace (5 s) for the four requests in flight; a stop cuts that to a moment.
        Scenario s = scenario("{\"variant\": \"virtual-threads\"}", "sleep:3s",
                "{\"connections\": 4, \"duration\": \"1s\", \"warmup\": \"0s\"}", false);
        Files.createDirectories(dir.resolve("drain"));
        RunSession session = RunSession.scenario(s, "stop.json", dir.resolve("drain"), List.of(), Optional.empty(),
                LoadGenerator.create(), InstantSource.system()).start(List.of(recorder));
        awaitState(session, st -> st == SessionState.DRAINING);
        assertThat(session.await(Duration.ofMillis(500))).as("control: draining waits for the sleeping handler").isEmpty();

        long stoppedAt = System.nanoTime();
        SessionOutcome.ScenarioFinished done = stopAndAwait(session);
        long tookMs = (System.nanoTime() - stoppedAt) / 1_000_000;
        assertFolderWritten(done);
        assertThat(tookMs).as("well before the 3 s handler returns").isLessThan(2_000);
        assertThat(done.result().summary().errors().timeout()).as("cut short, not timed out").isZero();
    }

    @Test
    void aUrlLoadStopsTooAndWritesItsSummary() throws Exception {
        try (RunningServer server = ServerVariants.byName("event-loop")
                .start(ServerConfig.of(request -> HttpResponse.text(200, "ok\n")))) {
            LoadSpec spec = LoadSpec.builder(HttpUrl.parse(server.url())).connections(2)
                    .duration(Duration.ofSeconds(10)).build();
            Path json = dir.resolve("summary.json");
            LoadGenerator frozen = new LoadGenerator(new ManualNanoClock(1_000_000_000L),
                    Thread.ofPlatform().daemon(true).factory());
            RunSession session = RunSession.load(spec, Optional.of(json), frozen).start(List.of(recorder));
            awaitState(session, st -> st == SessionState.MEASURING);
            assertThat(session.await(Duration.ofMillis(500))).as("control: runs on").isEmpty();

            session.stop();
            Optional<SessionOutcome> outcome = session.await(ENDS_WITHIN);
            assertThat(outcome).get().isInstanceOf(SessionOutcome.LoadFinished.class);
            assertThat(outcome.get().stopped()).isTrue();
            assertThat(Files.readString(json)).contains("\"summary\"").contains("\"requests\"");
            assertThat(states).endsWith(SessionState.DRAINING, SessionState.WRITING, SessionState.DONE);
        }
    }

    @Test
    void aSessionThatCannotStartSaysWhy() throws Exception {
        LoadSpec spec = LoadSpec.builder(HttpUrl.parse("http://no-such-host.invalid:8080/")).build();
        SessionOutcome outcome = RunSession.load(spec, Optional.empty(), LoadGenerator.create()).start(List.of()).await();
        assertThat(outcome).isInstanceOf(SessionOutcome.SetupFailed.class);
        assertThat(((SessionOutcome.SetupFailed) outcome).message()).contains("no-such-host.invalid");
    }
}
