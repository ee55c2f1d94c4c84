package dev.loupe.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.engine.load.LoadSpec;
import dev.loupe.engine.load.LoadTarget;
import dev.loupe.engine.load.Pacing;
import dev.loupe.engine.scenario.Overrides;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioMappingTest {
    private static final LoadTarget TARGET = new LoadTarget("127.0.0.1", 8080);

    @Test
    void theServerGetsTheScenariosThreadsLimitsAndAddress() throws Exception {
        Scenario s = Scenarios.parse("""
                {"name": "m", "workload": "hello", "load": {"profile": "heavy"},
                 "server": {"variant": "virtual-threads", "keepAliveIdle": "7s", "maxBodyBytes": 2048, "port": 0,
                            "maxThreads": 64}}
                """);
        ServerConfig c = ScenarioMapping.serverConfig(s);
        assertThat(c.threads()).isEqualTo(4); // the heavy preset
        assertThat(c.maxThreads()).isEqualTo(64);
        assertThat(c.limits().idleTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(c.limits().bodyMaxBytes()).isEqualTo(2048);
        assertThat(c.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void theLoadGetsTheModelConnectionsAndTimes() throws Exception {
        LoadSpec closed = ScenarioMapping.loadSpec(Scenarios.quick("""
                {"connections": 7, "duration": "3s", "warmup": "1s", "keepAlive": false, "timeout": "4s"}"""), TARGET, 1);
        assertThat(closed.connections()).isEqualTo(7);
        assertThat(closed.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(closed.warmup()).isEqualTo(Duration.ofSeconds(1));
        assertThat(closed.keepAlive()).isFalse();
        assertThat(closed.requestTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(closed.pacing()).isInstanceOf(Pacing.Closed.class);

        LoadSpec open = ScenarioMapping.loadSpec(Scenarios.quick("""
                {"model": "open", "rateRps": 500, "schedule": "poisson"}"""), TARGET, 1);
        assertThat(open.isOpen()).isTrue();
    }

    @Test
    void aBunSpreaderPathTemplateIsFilledAndAnUnknownPlaceholderRefused() throws Exception {
        LoadSpec spec = ScenarioMapping.loadSpec(Scenarios.quick("""
                {"request": {"method": "POST", "path": "/json/{timeInQueueMs}", "body": "{\\"a\\": 1}"}}"""), TARGET, 1);
        assertThat(spec.placeholders()).containsOnlyKeys("timeInQueueMs");

        String unknown = """
                {"name": "quick", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"request": {"path": "/x/{userId}"}}}""";
        assertThatThrownBy(() -> ScenarioMapping.loadSpec(Scenarios.syntaxOnly(unknown), TARGET, 1))
                .isInstanceOf(RunSetupException.class)
                .hasMessage("load.request.path: \"/x/{userId}\" (expected: placeholders among {n}, {timeInQueueMs};"
                        + " {userId} is none of them)");
        assertThatThrownBy(() -> new ScenarioReader(RunCatalog.installed()).read(unknown, "test.json", Path.of("."),
                Overrides.none()))
                .as("the reader refuses what the mapping would, at the value in the file")
                .hasMessage("test.json:2:31: load.request.path: \"/x/{userId}\" (expected: placeholders among {n},"
                        + " {timeInQueueMs}; {userId} is none of them)");
    }

    @Test
    void aBodyFileIsReadAndAMissingOneNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("body.json"), "{\"k\": 2}");
        Scenario s = Scenarios.parse("""
                {"name": "b", "server": {"variant": "virtual-threads"}, "workload": "hello",
                 "load": {"request": {"method": "POST", "bodyFile": "body.json"}}}
                """, dir);
        assertThat(new String(ScenarioMapping.loadSpec(s, TARGET, 1).requests().getFirst().body()))
                .isEqualTo("{\"k\": 2}");
        Files.delete(dir.resolve("body.json"));
        assertThatThrownBy(() -> ScenarioMapping.loadSpec(s, TARGET, 1))
                .isInstanceOf(RunSetupException.class)
                .hasMessageStartingWith("load.request.bodyFile: \"" + dir.resolve("body.json") + "\" (expected: a readable file; ");
    }

    /** A scenario's server.options reach the variant as loupe serve -o does: through ServerConfig.options. */
    @Test
    void variantOptionsInTheFileReachTheVariant() throws Exception {
        Scenario s = Scenarios.parse("""
                {"name": "o", "server": {"variant": "event-loop-offload", "threads": 1, "options": {"workers": 3}},
                 "workload": "hello", "load": {"duration": "1s"}}
                """);
        ServerConfig config = ScenarioMapping.serverConfig(s);
        assertThat(config.options()).containsExactly(java.util.Map.entry("workers", "3"));
        try (var server = ScenarioMapping.variant(s, config).start(config)) {
            assertThat(dev.loupe.engine.server.ProcessResources.threadsNamed("loupe-server-worker-")).isEqualTo(3);
        }
    }
}
