package dev.loupe.engine.scenario;

import dev.loupe.engine.load.ArrivalSchedule;
import dev.loupe.engine.load.LoadSpec;
import dev.loupe.engine.load.Pacing;
import dev.loupe.engine.load.RequestSpec;
import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.telemetry.HeapGuard;
import dev.loupe.engine.telemetry.TelemetryOptions;
import dev.loupe.engine.units.Durations;
import dev.loupe.engine.units.Numbers;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The bounds of every scenario field that has one, each taken from the layer that owns it: the HTTP
 * core ({@link HttpLimits}), the server configuration ({@link ServerConfig}), the load generator
 * ({@link LoadSpec}, {@link ArrivalSchedule}, {@link Pacing}, {@link RequestSpec}) or telemetry
 * ({@link TelemetryOptions}, {@link HeapGuard}). The few that only a scenario has (its name, how many
 * stages, the measured part's shortest length) are owned here. The records check their fields against
 * these, {@code scenario.schema.json} states the same numbers (a test holds them equal), and the
 * dashboard's fields read them. So a value the file accepts is one the run accepts.
 */
public final class ScenarioLimits {
    private ScenarioLimits() {}

    /** A field's allowed range, both ends included. */
    public sealed interface Limit permits Whole, Decimal, Span {
        /** The field's path, list entries as {@code []}: {@code load.stages[].duration}. */
        String path();

        /** The rule as messages say it: {@code 1..64}, {@code 1ms..10m}. */
        String expected();
    }

    /** A whole number, a count of entries or a length in characters. */
    public record Whole(String path, long min, long max) implements Limit {
        @Override
        public String expected() {
            return min + ".." + max;
        }
    }

    /** A decimal number. */
    public record Decimal(String path, double min, double max) implements Limit {
        @Override
        public String expected() {
            return Numbers.plain(min) + ".." + Numbers.plain(max);
        }
    }

    /** A duration. */
    public record Span(String path, Duration min, Duration max) implements Limit {
        public Span {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
        }

        @Override
        public String expected() {
            return Durations.format(min) + ".." + Durations.format(max);
        }
    }

    // scenario's own

    /** The longest name; its characters are checked by pattern. */
    public static final Whole NAME_CHARS = new Whole("name", 1, 80);
    public static final Whole DESCRIPTION_CHARS = new Whole("description", 0, 4000);

    // server: the server configuration and the HTTP core

    public static final Whole SERVER_THREADS = new Whole("server.threads", 1, ServerConfig.MAX_THREADS);
    public static final Whole SERVER_PORT = new Whole("server.port", 0, ServerConfig.MAX_PORT);
    public static final Span KEEP_ALIVE_IDLE =
            new Span("server.keepAliveIdle", HttpLimits.MIN_TIMEOUT, HttpLimits.MAX_IDLE_TIMEOUT);
    public static final Span HEADER_READ_TIMEOUT =
            new Span("server.headerReadTimeout", HttpLimits.MIN_TIMEOUT, HttpLimits.MAX_HEADER_READ_TIMEOUT);
    public static final Span GRACEFUL_STOP = new Span("server.gracefulStop", Duration.ZERO, HttpLimits.MAX_GRACEFUL_STOP);
    public static final Whole MAX_THREADS = new Whole("server.maxThreads", 1, ServerConfig.MAX_THREAD_CAP);
    public static final Whole MAX_REQUEST_LINE_BYTES =
            new Whole("server.maxRequestLineBytes", HttpLimits.MIN_HEAD_BYTES, HttpLimits.MAX_REQUEST_LINE_BYTES);
    public static final Whole MAX_HEADER_BYTES =
            new Whole("server.maxHeaderBytes", HttpLimits.MIN_HEAD_BYTES, HttpLimits.MAX_HEADER_SECTION_BYTES);
    public static final Whole MAX_BODY_BYTES = new Whole("server.maxBodyBytes", 0, HttpLimits.MAX_BODY_BYTES);
    /** How many variant options a scenario may set; which ones, the variant says. */
    public static final Whole SERVER_OPTIONS = new Whole("server.options", 0, 32);

    // load: the load generator

    public static final Whole CONNECTIONS = new Whole("load.connections", 1, LoadSpec.MAX_CONNECTIONS);
    public static final Decimal RATE_RPS = new Decimal("load.rateRps", 0, ArrivalSchedule.MAX_RATE_RPS);
    /** A ramp's stages: the scenario's own cap. */
    public static final Whole STAGES = new Whole("load.stages", 1, 100);
    public static final Span STAGE_DURATION = new Span("load.stages[].duration", Duration.ofMillis(1), LoadSpec.MAX_DURATION);
    public static final Decimal STAGE_RATE_RPS = new Decimal("load.stages[].rateRps", 0, ArrivalSchedule.MAX_RATE_RPS);
    /**
     * The measured part: at least one second, the scenario's own rule, since the run reports and
     * judges whole seconds; at most what the generator takes.
     */
    public static final Span DURATION = new Span("load.duration", Duration.ofSeconds(1), LoadSpec.MAX_DURATION);
    public static final Span WARMUP = new Span("load.warmup", Duration.ZERO, LoadSpec.MAX_WARMUP);
    public static final Whole LOAD_THREADS = new Whole("load.threads", 1, LoadSpec.MAX_THREADS);
    public static final Whole LEAK_CONNECTIONS = new Whole("load.leakConnections", 0, LoadSpec.MAX_LEAKED_CONNECTIONS);
    public static final Span CONNECT_TIMEOUT =
            new Span("load.connectTimeout", LoadSpec.MIN_TIMEOUT, LoadSpec.MAX_CONNECT_TIMEOUT);
    public static final Span TIMEOUT = new Span("load.timeout", LoadSpec.MIN_TIMEOUT, LoadSpec.MAX_REQUEST_TIMEOUT);
    public static final Span THINK_TIME = new Span("load.thinkTime", Duration.ZERO, Pacing.MAX_THINK_TIME);
    public static final Whole REQUEST_PATH_CHARS = new Whole("load.request.path", 1, RequestSpec.MAX_PATH_CHARS);
    /** An inline body: the scenario's own cap, as a file should hold more. */
    public static final Whole REQUEST_BODY_CHARS = new Whole("load.request.body", 0, 1024 * 1024);
    /** A mix's entries: the scenario's own cap. */
    public static final Whole MIX = new Whole("load.mix", 0, 100);
    public static final Whole MIX_WEIGHT = new Whole("load.mix[].weight", 1, RequestSpec.MAX_WEIGHT);
    /** Jobs a job workload submits: the scenario's own cap until job workloads own it. */
    public static final Whole JOBS = new Whole("load.jobs", 1, 1_000_000);
    public static final Whole CONCURRENT_JOBS = new Whole("load.concurrentJobs", 1, 10_000);

    // telemetry

    public static final Span LOCK_THRESHOLD = new Span("telemetry.lockThreshold", Duration.ZERO, TelemetryOptions.MAX_THRESHOLD);
    public static final Span SLEEP_THRESHOLD = new Span("telemetry.sleepThreshold", Duration.ZERO, TelemetryOptions.MAX_THRESHOLD);
    public static final Span EXECUTION_SAMPLE_PERIOD = new Span("telemetry.executionSamplePeriod",
            TelemetryOptions.MIN_SAMPLE_PERIOD, TelemetryOptions.MAX_SAMPLE_PERIOD);
    public static final Decimal HEAP_GUARD_PCT =
            new Decimal("telemetry.heapGuardPct", HeapGuard.MIN_LIMIT_PCT, HeapGuard.MAX_LIMIT_PCT);

    /** Every limit above, in file order. */
    public static List<Limit> all() {
        return List.of(NAME_CHARS, DESCRIPTION_CHARS, SERVER_THREADS, SERVER_PORT, KEEP_ALIVE_IDLE, HEADER_READ_TIMEOUT,
                GRACEFUL_STOP, MAX_THREADS, MAX_REQUEST_LINE_BYTES, MAX_HEADER_BYTES, MAX_BODY_BYTES, SERVER_OPTIONS,
                CONNECTIONS, RATE_RPS, STAGES, STAGE_DURATION, STAGE_RATE_RPS, DURATION, WARMUP, LOAD_THREADS, LEAK_CONNECTIONS,
                CONNECT_TIMEOUT, TIMEOUT, THINK_TIME, REQUEST_PATH_CHARS, REQUEST_BODY_CHARS, MIX, MIX_WEIGHT, JOBS,
                CONCURRENT_JOBS, LOCK_THRESHOLD, SLEEP_THRESHOLD, EXECUTION_SAMPLE_PERIOD, HEAP_GUARD_PCT);
    }

    /** The field's name inside its record: {@code load.stages[].duration} is {@code duration}. */
    static String field(Limit limit) {
        String path = limit.path();
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
