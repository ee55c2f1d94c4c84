package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code loupe run} with a search for the highest rate that meets an SLO: real steps on loopback. */
@Tag("timing")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SearchRunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void oneEventLoopThatSleeps1msMeetsAP99Of100msUpToItsCapacityOfAbout850PerSecond() throws Exception {
        Path scenario = Files.writeString(tmp.resolve("one-loop.json"), """
                {"name": "one-loop", "server": {"variant": "event-loop", "threads": 1}, "workload": "sleep:1ms",
                 "load": {"connections": 100, "threads": 1, "duration": "3s", "warmup": "1s",
                          "search": {"slo": {"summary.latencyMs.p99": "< 100"}, "startRps": 200, "precisionPct": 10}}}
                """);
        Path folder = tmp.resolve("search");

        CliRun run = CliRun.of("run", scenario.toString(), "--out", folder.toString(), "-q", "--no-telemetry");

        assertThat(run.exitCode()).as("%s", run.err()).isEqualTo(ExitCodes.OK);
        JsonNode search = JSON.readTree(folder.resolve("search.json").toFile());
        assertThat(search.path("highestPassingRps").asDouble()).isBetween(600.0, 1000.0);
        assertThat(search.path("lowestFailingRps").asDouble()).isGreaterThan(search.path("highestPassingRps").asDouble());
        List<Double> rates = new ArrayList<>();
        search.path("steps").forEach(s -> rates.add(s.path("rateRps").asDouble()));
        assertThat(rates).startsWith(200.0, 400.0, 800.0, 1600.0);
        assertThat(folder.resolve("01-rate-200/result.json")).exists();
        assertThat(folder.resolve("SUMMARY.md")).content().contains("✓ Highest rate that met the SLO");
        assertThat(folder.resolve("report.html")).content().contains("p99 latency against the rate");
        assertThat(run.out()).contains("# Loupe search: one-loop");
    }

    @Test
    void aRateOneConnectionCannotSendIsTheGeneratorsLimit() throws Exception {
        Path scenario = Files.writeString(tmp.resolve("one-connection.json"), """
                {"name": "one-connection", "server": {"variant": "thread-per-connection"}, "workload": "sleep:1ms",
                 "load": {"connections": 1, "threads": 1, "duration": "2s", "warmup": "1s"}}
                """);
        Path folder = tmp.resolve("search");

        CliRun run = CliRun.of("run", scenario.toString(), "--out", folder.toString(), "-q", "--no-telemetry",
                "--search", "summary.latencyMs.p99<50", "--set", "load.timeout=10s");

        assertThat(run.exitCode()).as("%s", run.err()).isEqualTo(ExitCodes.OK);
        JsonNode search = JSON.readTree(folder.resolve("search.json").toFile());
        List<String> verdicts = new ArrayList<>();
        search.path("steps").forEach(s -> verdicts.add(s.path("verdict").asText()));
        assertThat(verdicts).as(search.toString()).contains("generator-limited").doesNotContain("failed");
        assertThat(search.path("generatorLimited").asBoolean()).as(search.toString()).isTrue();
        assertThat(search.path("lowestFailingRps").asDouble()).as("one connection sends at most ~900/s").isLessThanOrEqualTo(1600);
        assertThat(folder.resolve("SUMMARY.md")).content().contains("The generator's limit");
    }

    @Test
    void aSearchBesideAMatrixOrABadConditionIsRefused() throws Exception {
        Path scenario = Files.writeString(tmp.resolve("grid.json"), """
                {"name": "g", "server": {"variant": "event-loop"}, "workload": "hello",
                 "matrix": {"load.connections": [1, 2]}}
                """);
        CliRun both = CliRun.of("run", scenario.toString(), "--out", tmp.resolve("x").toString(), "--search", "summary.latencyMs.p99<50");
        CliRun bad = CliRun.of("run", scenario.toString(), "--search", "summary.latencyMs.p99 about 50");

        assertThat(both.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(both.err()).contains("--search: ").contains("is a matrix");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--search summary.latencyMs.p99 about 50");
    }
}
