import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.run.RunCatalog;
import dev.loupe.engine.scenario.Overrides;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.session.RunSession;
import dev.loupe.engine.session.SessionOutcome;
import dev.loupe.engine.session.SessionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * How long a stopped session takes to end, from each state: stop() to the outcome, with the run folder
 * written. Real runs with telemetry on (JFR, probes), the scenario a user would run; each state
 * REPS times. Run by bench/stop-latency.sh. Args: [REPS=5] [cold-start], the latter for the first case
 * alone (the stop 300 ms after the start, while JFR and the server start), which the script runs in
 * a fresh JVM each time, as {@code loupe run} is.
 */
public final class StopLatency {
    private record Case(String state, String workload, String load, SessionState waitFor, long afterMs) {}

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean coldStartOnly = args.length > 1 && args[1].equals("cold-start");
        List<Case> cases = List.of(
                new Case("starting (JFR and the server start)", "hello", "{\"connections\": 10, \"duration\": \"30s\", \"warmup\": \"5s\"}",
                        SessionState.STARTING, 300),
                new Case("warming up", "hello", "{\"connections\": 10, \"duration\": \"30s\", \"warmup\": \"5s\"}",
                        SessionState.WARMING_UP, 1000),
                new Case("measuring", "hello", "{\"connections\": 10, \"duration\": \"30s\", \"warmup\": \"1s\"}",
                        SessionState.MEASURING, 2000),
                new Case("draining (a 3 s handler in flight)", "sleep:3s",
                        "{\"connections\": 10, \"duration\": \"1s\", \"warmup\": \"0s\"}", SessionState.DRAINING, 200));
        Path base = Files.createTempDirectory("loupe-stop");
        if (!coldStartOnly) {
            System.out.printf("stop() to the session's end, run folder written; %d runs each in one JVM, telemetry on%n%n", reps);
            System.out.printf("| stopped while | median | max |%n|---|---|---|%n");
        }
        for (Case c : coldStartOnly ? cases.subList(0, 1) : cases) {
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                ms.add(once(c, Files.createDirectories(base.resolve(c.waitFor() + "-" + i))));
            }
            Collections.sort(ms);
            if (coldStartOnly) {
                System.out.println(ms.getFirst());
            } else {
                System.out.printf("| %s | %d ms | %d ms |%n", c.state(), ms.get(ms.size() / 2), ms.getLast());
            }
        }
    }

    private static long once(Case c, Path folder) throws Exception {
        Scenario s = new ScenarioReader(RunCatalog.installed()).read("""
                {"name": "stop", "server": {"variant": "virtual-threads"}, "workload": "%s", "load": %s}
                """.formatted(c.workload(), c.load()), "stop.json", Path.of("."), Overrides.none());
        RunSession session = RunSession.scenario(s, "stop.json", folder, List.of(), Optional.empty(),
                LoadGenerator.create(), InstantSource.system()).start(List.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (session.state() != c.waitFor() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(c.afterMs());
        long stoppedAt = System.nanoTime();
        session.stop();
        SessionOutcome outcome = session.await(Duration.ofSeconds(30)).orElseThrow();
        long tookMs = (System.nanoTime() - stoppedAt) / 1_000_000;
        if (!(outcome instanceof SessionOutcome.ScenarioFinished done) || !Files.isRegularFile(done.folder().resolve("result.json"))) {
            throw new IllegalStateException("no run folder: " + outcome);
        }
        return tookMs;
    }
}
