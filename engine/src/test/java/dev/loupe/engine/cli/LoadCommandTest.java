package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.engine.load.HelloServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code loupe load} in-process: bad input exits 2 with a message, real runs print and write the summary. */
@Timeout(60)
class LoadCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<Runnable> onInterrupt = new AtomicReference<>();

    private int load(String... args) {
        CommandLine cl = LoupeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        LoadCommand command = cl.getSubcommands().get("load").getCommand();
        command.interrupts = action -> {
            onInterrupt.set(action);
            return () -> onInterrupt.set(null);
        };
        List<String> all = new ArrayList<>(List.of("load"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void httpsIsRefusedClearly() {
        assertThat(load("https://127.0.0.1:8443/x")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(
                "https is not supported: Loupe's load generator speaks plain HTTP/1.1; use http://127.0.0.1:8443/x");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aBadDurationIsAUsageError() {
        assertThat(load("http://127.0.0.1:1/", "-d", "ten")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("\"ten\" (expected: a duration with a unit, e.g. 250ms, 30s or 2m");
    }

    @Test
    void otherBadInputNamesTheOptionAndTheRule() {
        assertThat(load("ftp://127.0.0.1/")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("is not an http:// URL");
        assertThat(load("http://127.0.0.1:1/", "-c", "2", "-t", "3")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--threads 3 (expected: 1..2");
        assertThat(load("http://127.0.0.1:1/", "-d", "0s")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--duration 0s (expected: more than 0");
        assertThat(load("http://127.0.0.1:1/", "--body", tmp.resolve("missing.json").toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("missing.json: no such file");
        assertThat(load("http://127.0.0.1:1/", "--json", tmp.resolve("no/such/dir/out.json").toString()))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("does not exist");
        assertThat(load("http://127.0.0.1:1/", "-H", "no colon")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("'Name: value'");
        assertThat(load("http://127.0.0.1:1/", "-R", "100", "--think", "5ms")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(load("http://127.0.0.1:1/", "-d", "200h")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--duration 200h (expected: more than 0s and at most 24h)");
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void aShortRunPrintsTheSummaryAndWritesJson() throws Exception {
        Path json = tmp.resolve("summary.json");
        try (HelloServer server = HelloServer.builder().start()) {
            int code = load(server.url("/"), "-c", "2", "-d", "1200ms", "--json", json.toString());
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        }
        String stdout = out.toString();
        assertThat(stdout).contains("closed model, 2 connections, 1 thread, keep-alive")
                .contains("Latency").contains("p99.9").contains("requests in").contains("Requests/sec:")
                .contains("Transfer/sec:").contains("Errors:        none")
                .contains("Connections:   requested 2, established 2, failed 0, reconnects 0")
                .doesNotContain("corrected").doesNotContain("req/s  p50");
        assertThat(err.toString()).as("progress goes to stderr").contains("req/s  p50").contains("s left")
                .contains("Ctrl+C stops early");

        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.propertyStream().map(e -> e.getKey())).containsExactly("summary");
        JsonNode summary = doc.get("summary");
        assertThat(summary.propertyStream().map(e -> e.getKey())).containsExactly("requests", "durationS",
                "throughputRps", "errorRatePct", "errors", "connections", "latencyMs", "uncorrectedLatencyMs", "generator");
        assertThat(summary.get("requests").asLong()).isPositive();
        assertThat(stdout).contains(summary.get("requests").asLong() + " requests in");
        try (var files = Files.list(tmp)) {
            assertThat(files).as("no temp file left behind").containsExactly(json);
        }
    }

    @Test
    void theOpenModelShowsBothLatencyViews() throws Exception {
        try (HelloServer server = HelloServer.builder().start()) {
            assertThat(load(server.url("/"), "-c", "2", "-R", "200", "-d", "500ms", "-q")).isEqualTo(ExitCodes.OK);
        }
        assertThat(out.toString()).contains("open model, constant rate of 200.0 req/s")
                .contains("corrected").contains("from the intended start")
                .contains("uncorrected").contains("from the actual send")
                .contains("Generator:");
        assertThat(err.toString()).as("--quiet").doesNotContain("req/s  p50");
    }

    @Test
    void ctrlCPrintsThePartialSummaryAndExits130() throws Exception {
        Path json = tmp.resolve("partial.json");
        try (HelloServer server = HelloServer.builder().start()) {
            Thread interrupter = Thread.ofPlatform().start(() -> {
                try {
                    while (onInterrupt.get() == null) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(500);
                    onInterrupt.get().run(); // what the JVM's shutdown hook does on SIGINT
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long startNs = System.nanoTime();
            int code = load(server.url("/"), "-c", "2", "-d", "60s", "--json", json.toString(), "-q");
            interrupter.join(10_000);
            assertThat(code).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(System.nanoTime() - startNs).isLessThan(20_000_000_000L);
        }
        assertThat(out.toString()).contains("interrupted: the summary covers the part that ran").contains("requests in");
        assertThat(new ObjectMapper().readTree(json.toFile()).at("/summary/requests").asLong()).isPositive();
    }

    @Test
    void helpDescribesTheOptions() {
        assertThat(load("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("--connections").contains("--rate").contains("--no-keepalive")
                .contains("--warmup").contains("--json").contains("intended start").contains("250ms, 10s");
    }
}
