package dev.loupe.engine.run;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Rules;
import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.load.LoadResult;
import dev.loupe.engine.load.LoadRun;
import dev.loupe.engine.load.LoadSpec;
import dev.loupe.engine.load.LoadTarget;
import dev.loupe.engine.measure.IntervalListener;
import dev.loupe.engine.measure.RunClock;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.TelemetrySettings;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.workload.WorkloadStats;
import dev.loupe.engine.telemetry.HeapGuard;
import dev.loupe.engine.telemetry.ObservedServer;
import dev.loupe.engine.telemetry.StackSecond;
import dev.loupe.engine.telemetry.TelemetryListener;
import dev.loupe.engine.telemetry.TelemetryReport;
import dev.loupe.engine.telemetry.TelemetrySecond;
import dev.loupe.engine.telemetry.TelemetrySession;
import dev.loupe.engine.telemetry.TelemetrySummary;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * One run of one scenario: starts the variant in-process, starts the telemetry (unless the scenario
 * turns it off) and the heap guard (always), drives the warm-up and the measured load at the server,
 * stops everything within its bounds and returns a {@link RunResult}. The load and the telemetry share
 * one time base ({@link RunClock}); a heap guard trip ends the run early with the outcome {@link
 * RunOutcome#STOPPED_BY_GUARD} and a red finding. {@link #run} blocks the
 * calling thread; {@link #stop} may be called from any other thread (Ctrl+C, the Stop button) and
 * ends the run early with the outcome {@link RunOutcome#INTERRUPTED}, within about a second whatever
 * the run is doing: the load drains for {@link dev.loupe.engine.load.LoadSpec#STOP_DRAIN}, the server
 * gets {@link #STOP_GRACE}, and telemetry stops at once without waiting for JFR's last batch (so the
 * last second's JFR events may miss the summary; they are in the recording). A stop before the load
 * has begun skips it. One instance runs once.
 */
public final class ScenarioRun {
    /** The seed for the generator's randomness (Poisson arrivals, placeholders, request mix). */
    public static final long DEFAULT_SEED = 42;
    /** The thread that stops a run's telemetry. */
    static final String TELEMETRY_STOP_THREAD = "loupe-telemetry-stop";
    /** How long requests in flight get to finish when a run is stopped, instead of {@code server.gracefulStop}. */
    public static final Duration STOP_GRACE = Duration.ofMillis(250);

    private final Scenario scenario;
    private final LoadGenerator generator;
    private final InstantSource wallClock;
    private final BiConsumer<RunListener, RuntimeException> onListenerFailure;
    private volatile LoadRun loadRun;
    private volatile boolean stopRequested;
    /** The telemetry while it runs, so a stop can end it at once, beside the load's last responses. */
    private TelemetrySession telemetry;
    private TelemetrySettings telemetrySettings;
    private CompletableFuture<TelemetryReport> telemetryStop;
    private Path recordingFile;
    private boolean started;

    /**
     * @param onListenerFailure told once about a listener that threw (and was dropped)
     */
    public ScenarioRun(Scenario scenario, LoadGenerator generator, InstantSource wallClock,
            BiConsumer<RunListener, RuntimeException> onListenerFailure) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.onListenerFailure = Objects.requireNonNull(onListenerFailure, "onListenerFailure");
    }

    /** A run with the real generator and clock; listener failures go to the JVM's logger. */
    public static ScenarioRun of(Scenario scenario) {
        System.Logger log = System.getLogger(ScenarioRun.class.getName());
        return new ScenarioRun(scenario, LoadGenerator.create(), InstantSource.system(),
                (l, e) -> log.log(System.Logger.Level.WARNING, "a run listener failed and was dropped: " + l, e));
    }

    /**
     * Runs the scenario to its end (or until {@link #stop}).
     *
     * @throws RunSetupException when the scenario cannot start (port in use, unknown variant, unreadable body file)
     * @throws IOException when the server fails to start for another reason
     * @throws InterruptedException when the calling thread is interrupted; the load is stopped first
     */
    public RunResult run(List<RunListener> listeners) throws RunSetupException, IOException, InterruptedException {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("a ScenarioRun runs once");
            }
            started = true;
        }
        ServerConfig config = ScenarioMapping.serverConfig(scenario);
        ServerVariant variant = ScenarioMapping.variant(scenario, config);
        Listeners fan = new Listeners(listeners, onListenerFailure);
        TelemetrySettings settings = scenario.telemetry();
        try (TelemetrySession.Prepared prepared = settings.enabled() ? TelemetrySession.prepare(settings.options()) : null;
                ServerStop stop = new ServerStop(start(variant, config))) {
            RunningServer server = stop.server();
            if (prepared != null) {
                // JFR's start-up stays out of the run (it halved the load's first seconds); a stop cuts the wait
                prepared.awaitReady(() -> stopRequested);
            }
            LoadSpec spec = ScenarioMapping.loadSpec(scenario, target(server.address()), DEFAULT_SEED);
            Instant startedAt = wallClock.instant();
            fan.onStarted(new RunStarted(scenario, startedAt, server.url(), spec));
            RunFindings rules = new RunFindings(scenario, variant.concurrencyModel(), server, () -> WorkloadStats.of(config.handler()),
                    fan::onFindings);
            SecondAggregator seconds = new SecondAggregator(RunResult.MAX_INTERVALS, (second, detail) -> {
                fan.onSecond(second, detail);
                rules.second(second);
            });
            IntervalListener collector = snapshot -> {
                fan.onSnapshot(snapshot);
                rules.snapshot(snapshot);
                seconds.add(snapshot);
            };
            RunClock clock = new RunClock(generator.clock(), generator.clock().nanoTime(), Instant.now());
            AtomicLong trippedAtMs = new AtomicLong();
            try (HeapGuard guard = HeapGuard.start(settings.heapGuardPct(), trip -> {
                trippedAtMs.set(clock.nowMs());
                stopLoad();
            })) {
                if (prepared != null) {
                    running(prepared.start(observed(server), clock, spec.warmup().toMillis(), new TelemetryListener() {
                        @Override
                        public void second(TelemetrySecond second) {
                            fan.onTelemetry(second);
                            rules.telemetry(second);
                        }

                        @Override
                        public void stacks(StackSecond stacks) {
                            fan.onStacks(stacks);
                        }

                        @Override
                        public void checkpoint(TelemetrySummary soFar) {
                            fan.onTelemetryCheckpoint(soFar);
                        }
                    }), settings);
                }
                LoadResult measured;
                TelemetryReport jvm;
                try {
                    measured = measure(spec, collector, clock, guard);
                    seconds.flush();
                } finally {
                    jvm = awaitTelemetry();
                }
                HeapGuard.Trip trip = guard.trip();
                RunOutcome outcome = trip != null ? RunOutcome.STOPPED_BY_GUARD
                        : stopRequested || measured.stoppedEarly() ? RunOutcome.INTERRUPTED : RunOutcome.COMPLETED;
                List<SecondInterval> series = TelemetryJoin.join(seconds.series(), jvm);
                TelemetrySummary jvmSummary = jvm == null ? null : jvm.summary();
                List<Finding> findings = new ArrayList<>(rules.finish(series, measured.summary(), jvmSummary));
                if (trip != null) {
                    findings.add(GuardFinding.of(trip, trippedAtMs.get()));
                }
                RunResult result = new RunResult(scenario, Environment.current(), startedAt, outcome, server.url(),
                        measured.summary(), series, measured.latency(), measured.uncorrectedLatency(), jvmSummary,
                        jvm == null ? List.of() : jvm.problems(), Rules.order(findings));
                fan.onFinished(result);
                return result;
            }
        }
    }

    /**
     * Keeps the JFR recording of the next run in {@code file} (when the scenario's telemetry is on and
     * saves recordings). Call before {@link #run}.
     */
    public ScenarioRun recordTo(Path file) {
        this.recordingFile = Objects.requireNonNull(file, "file");
        return this;
    }

    private Optional<Path> recording(TelemetrySettings settings) {
        return settings.saveRecording() ? Optional.ofNullable(recordingFile) : Optional.empty();
    }

    /** Drives the load to its end, or until a stop or the heap guard ends it early. */
    private LoadResult measure(LoadSpec spec, IntervalListener collector, RunClock clock, HeapGuard guard)
            throws InterruptedException {
        if (stopRequested) {
            return LoadGenerator.notStarted(spec); // stopped while the server started: no load to stop
        }
        LoadRun load = generator.start(spec, List.of(collector), clock.originNs());
        loadRun = load;
        if (stopRequested || guard.trip() != null) {
            load.stop();
        }
        try {
            return load.awaitResult();
        } catch (InterruptedException e) {
            load.stop();
            throw e;
        }
    }

    private void stopLoad() {
        LoadRun load = loadRun;
        if (load != null) {
            load.stop();
        }
    }

    /** Ends the run early; the result covers what ran. Any thread; idempotent. */
    public void stop() {
        stopRequested = true;
        stopLoad();
        stopTelemetry();
    }

    /** The telemetry's report once it has stopped (stopping it now if a stop has not already). */
    private TelemetryReport awaitTelemetry() throws InterruptedException {
        try {
            return stopTelemetry().get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case InterruptedException interrupted -> throw interrupted;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException("the telemetry failed to stop", e.getCause());
            }
        }
    }

    private synchronized void running(TelemetrySession session, TelemetrySettings settings) {
        telemetry = session;
        telemetrySettings = settings;
        if (stopRequested) {
            stopTelemetry();
        }
    }

    /**
     * Stops the telemetry once, on a thread of its own. A run that ends by itself waits for JFR's
     * last batch; a stopped run does not (it would take up to a second) and starts the stop at once,
     * while the load's last responses drain. Completes with null when there is no telemetry.
     */
    private synchronized CompletableFuture<TelemetryReport> stopTelemetry() {
        if (telemetryStop == null && telemetry != null) {
            TelemetrySession session = telemetry;
            Optional<Path> recording = recording(telemetrySettings);
            telemetryStop = new CompletableFuture<>();
            CompletableFuture<TelemetryReport> done = telemetryStop;
            Thread.ofPlatform().daemon().name(TELEMETRY_STOP_THREAD).start(() -> {
                try {
                    done.complete(session.stop(recording, stopRequested));
                } catch (InterruptedException e) {
                    done.completeExceptionally(e);
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            });
        }
        return telemetryStop != null ? telemetryStop : CompletableFuture.completedFuture(null);
    }

    private RunningServer start(ServerVariant variant, ServerConfig config) throws RunSetupException, IOException {
        try {
            return variant.start(config);
        } catch (BindException e) {
            throw new RunSetupException("server.port", Integer.toString(config.port()), "a free port on "
                    + config.bindAddress().getHostAddress() + ", or 0 for any free one; " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw RunSetupException.from("server", e);
        }
    }

    /**
     * Closes the server when the run is over: within its graceful bound after a run that ended by
     * itself, within {@link #STOP_GRACE} after a stop, so that a stop ends the run within a second.
     */
    private final class ServerStop implements AutoCloseable {
        private final RunningServer server;

        ServerStop(RunningServer server) {
            this.server = server;
        }

        RunningServer server() {
            return server;
        }

        @Override
        public void close() {
            if (stopRequested) {
                server.close(STOP_GRACE);
            } else {
                server.close();
            }
        }
    }

    /** The server as telemetry sees it: where it dispatches work, and its two gauges. */
    public static ObservedServer observed(RunningServer server) {
        return new ObservedServer() {
            @Override
            public List<DispatchTarget> dispatchTargets() {
                return server.dispatchTargets();
            }

            @Override
            public int openConnections() {
                return server.openConnections();
            }

            @Override
            public int queueLength() {
                return server.queueLength();
            }
        };
    }

    private static LoadTarget target(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        if (address.getAddress() instanceof Inet6Address) {
            int zone = host.indexOf('%');
            host = zone < 0 ? host : host.substring(0, zone);
        }
        return new LoadTarget(host, address.getPort());
    }
}
