package dev.loupe.engine.scenario;

import dev.loupe.engine.load.LoadSpec;
import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.telemetry.HeapGuard;
import dev.loupe.engine.telemetry.TelemetryOptions;
import java.time.Duration;

/**
 * Every default of a scenario, in one place. A field takes, in this order: the value given on the
 * command line ({@code --set path=value}, {@code --duration}), else the value in the scenario file,
 * else the preset's value ({@link Preset}: {@code load.connections}, {@code server.threads},
 * {@code load.jobs}, {@code load.concurrentJobs}), else the default below. {@code name},
 * {@code server.variant} and {@code workload} have no default: a scenario must name them.
 *
 * <p>The server limits are the HTTP core's own defaults, {@link HttpLimits#DEFAULTS}, written once there. The bounds each value must stay
 * within are checked by the record that holds it and listed in {@code scenario.schema.json}.
 */
public final class ScenarioDefaults {
    private ScenarioDefaults() {}

    /** {@code description}: none. */
    public static final String DESCRIPTION = "";

    // server

    /** {@code server.bindAddress}: loopback, so a test server is never reachable from outside. */
    public static final String BIND_ADDRESS = "127.0.0.1";
    /** {@code server.port}: any free port. */
    public static final int PORT = 0;
    /** {@code server.keepAliveIdle}: how long an idle keep-alive connection stays open. */
    public static final Duration KEEP_ALIVE_IDLE = HttpLimits.DEFAULTS.idleTimeout();
    /** {@code server.headerReadTimeout}: how long a client may take to send the request head. */
    public static final Duration HEADER_READ_TIMEOUT = HttpLimits.DEFAULTS.headerReadTimeout();
    /** {@code server.gracefulStop}: how long requests in flight may finish before connections are closed. */
    public static final Duration GRACEFUL_STOP = HttpLimits.DEFAULTS.gracefulStopTimeout();
    /** {@code server.maxThreads}: the thread cap of thread-per-connection and accept-pool (503 beyond it). */
    public static final int MAX_THREADS = ServerConfig.DEFAULT_MAX_THREADS;
    /** {@code server.maxRequestLineBytes}: 8 KiB. */
    public static final int MAX_REQUEST_LINE_BYTES = HttpLimits.DEFAULTS.requestLineMaxBytes();
    /** {@code server.maxHeaderBytes}: 16 KiB. */
    public static final int MAX_HEADER_BYTES = HttpLimits.DEFAULTS.headerSectionMaxBytes();
    /** {@code server.maxBodyBytes}: 1 MiB. */
    public static final int MAX_BODY_BYTES = HttpLimits.DEFAULTS.bodyMaxBytes();

    // load

    /** {@code load.profile}: the light preset. */
    public static final Preset PROFILE = Preset.LIGHT;
    /** {@code load.model}: closed, like wrk. */
    public static final LoadModel MODEL = LoadModel.CLOSED;
    /** {@code load.schedule}: evenly spaced arrivals (the only choice for the closed model). */
    public static final Schedule SCHEDULE = Schedule.CONSTANT;
    /** {@code load.rateRps} of a ramp: the rate the first stage ramps from. */
    public static final double RAMP_START_RATE_RPS = 0;
    /** {@code load.duration}: the measured part of the run, after the warm-up. */
    public static final Duration DURATION = Duration.ofSeconds(30);
    /** {@code load.warmup}: load before the measured part, whose results are discarded. */
    public static final Duration WARMUP = Duration.ofSeconds(5);
    /** {@code load.keepAlive}: connections are reused. */
    public static final boolean KEEP_ALIVE = true;
    /** {@code load.leakConnections}: a client that closes what it is done with. */
    public static final int LEAK_CONNECTIONS = 0;
    /** {@code load.threads}: one selector thread, the generator's own default: on two cores it leaves a core to the server. */
    public static final int GENERATOR_THREADS = LoadSpec.DEFAULT_THREADS;
    /** {@code load.connectTimeout}. */
    public static final Duration CONNECT_TIMEOUT = LoadSpec.DEFAULT_CONNECT_TIMEOUT;
    /** {@code load.timeout}: how long a request may take before it counts as a timeout error. */
    public static final Duration REQUEST_TIMEOUT = LoadSpec.DEFAULT_REQUEST_TIMEOUT;
    /** {@code load.thinkTime}: no pause between a response and the connection's next request. */
    public static final Duration THINK_TIME = Duration.ZERO;
    /** {@code load.request.method} (and a mix entry's, when {@code load.request} leaves it unset). */
    public static final String METHOD = "GET";
    /** {@code load.request.path}. */
    public static final String PATH = "/";
    /** {@code load.mix[].weight}: entries without a weight are equally likely. */
    public static final int MIX_WEIGHT = 1;

    // telemetry

    /** {@code telemetry.enabled}: JFR streaming and the delay probes run. */
    public static final boolean TELEMETRY_ENABLED = true;
    /** {@code telemetry.lockThreshold}: shortest monitor wait or park JFR records. */
    public static final Duration LOCK_THRESHOLD = TelemetryOptions.DEFAULT_LOCK_THRESHOLD;
    /** {@code telemetry.sleepThreshold}: shortest {@code Thread.sleep} JFR records. */
    public static final Duration SLEEP_THRESHOLD = TelemetryOptions.DEFAULT_SLEEP_THRESHOLD;
    /** {@code telemetry.executionSamplePeriod}: JFR's stack sampling period (its own default). */
    public static final Duration EXECUTION_SAMPLE_PERIOD = TelemetryOptions.DEFAULT_SAMPLE_PERIOD;
    /** {@code telemetry.saveRecording}: the run folder keeps {@code recording.jfr}. */
    public static final boolean SAVE_RECORDING = true;
    /**
     * {@code telemetry.heapGuardPct}: a run whose heap after GC passes this share of the max heap is
     * stopped (the guard runs even with telemetry off).
     */
    public static final double HEAP_GUARD_PCT = HeapGuard.DEFAULT_LIMIT_PCT;
}
