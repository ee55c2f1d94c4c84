package dev.loupe.engine.scenario;

import dev.loupe.engine.units.Durations;
import dev.loupe.engine.units.Numbers;
import java.time.Duration;
import java.util.List;

/**
 * The load to drive at the server: the {@code load} object of a scenario file.
 *
 * @param profile the preset that filled what the file and command line left unset
 * @param model closed (each connection waits for its response) or open (arrivals on a schedule)
 * @param connections connections the generator opens and keeps busy
 * @param rateRps the open model's arrival rate in requests per second (for a ramp, the starting
 *     rate); 0 for the closed model, which has no rate
 * @param schedule how the open model spaces arrivals; always constant for the closed model
 * @param stages the ramp's stages; empty unless the schedule is a ramp
 * @param duration the measured part of the run
 * @param warmup load before the measured part, whose results are discarded; comes on top of {@code duration}
 * @param keepAlive whether connections are reused for several requests
 * @param leakConnections 0, or a client that leaks: each request on a new connection, the old one
 *     left open (never closed, as by a client that drops responses without closing them), up to this
 *     many, beyond which the oldest is closed; needs keep-alive
 * @param threads the generator's threads, at most {@code connections}
 * @param connectTimeout how long opening a connection may take before it counts as a connect error
 * @param timeout how long a request may take before it counts as a timeout error
 * @param thinkTime the closed model's pause between a response and the connection's next request
 * @param request the request sent, or the defaults for the entries of {@code mix}
 * @param mix requests drawn by weight instead of {@code request}; empty for a single request
 * @param jobs jobs a job workload submits over the run
 * @param concurrentJobs jobs a job workload keeps in flight at once, at most {@code jobs}
 */
public record LoadSettings(
        Preset profile,
        LoadModel model,
        int connections,
        double rateRps,
        Schedule schedule,
        List<RampStage> stages,
        Duration duration,
        Duration warmup,
        boolean keepAlive,
        int leakConnections,
        int threads,
        Duration connectTimeout,
        Duration timeout,
        Duration thinkTime,
        RequestTemplate request,
        List<WeightedRequest> mix,
        int jobs,
        int concurrentJobs) {

    private static final double MAX_RATE_RPS = ScenarioLimits.RATE_RPS.max();
    private static final long MAX_STAGES = ScenarioLimits.STAGES.max();
    private static final long MAX_MIX = ScenarioLimits.MIX.max();

    public LoadSettings {
        FieldChecks checks = new FieldChecks("load");
        checks.present("profile", profile, "one of light, heavy, stress");
        checks.present("model", model, "one of closed, open");
        checks.range(ScenarioLimits.CONNECTIONS, connections);
        checks.present("schedule", schedule, "one of constant, ramp, poisson");
        checks.present("stages", stages, "a list of stages, empty unless load.schedule is \"ramp\"");
        checks.range(ScenarioLimits.DURATION, duration);
        checks.range(ScenarioLimits.WARMUP, warmup);
        checks.range(ScenarioLimits.LOAD_THREADS, threads);
        checks.range(ScenarioLimits.LEAK_CONNECTIONS, leakConnections);
        if (leakConnections > 0 && !keepAlive) {
            checks.require(false, "leakConnections", leakConnections,
                    "0 with load.keepAlive false: a leaking client leaves kept-alive connections open");
        }
        checks.range(ScenarioLimits.CONNECT_TIMEOUT, connectTimeout);
        checks.range(ScenarioLimits.TIMEOUT, timeout);
        checks.range(ScenarioLimits.THINK_TIME, thinkTime);
        checks.present("request", request, "a request");
        checks.present("mix", mix, "a list of weighted requests, may be empty");
        checks.range(ScenarioLimits.JOBS, jobs);
        checks.range(ScenarioLimits.CONCURRENT_JOBS, concurrentJobs);

        if (model == LoadModel.CLOSED) {
            checks.require(rateRps == 0, "rateRps", rateRps,
                    "no rate with the closed model; set load.model to \"open\" for a fixed arrival rate");
            if (schedule != null && schedule != Schedule.CONSTANT) {
                checks.require(false, "schedule", schedule,
                        "\"constant\" with the closed model; ramp and poisson shape the open model's arrivals");
            }
        } else if (model == LoadModel.OPEN) {
            if (schedule == Schedule.RAMP) {
                checks.range(ScenarioLimits.RATE_RPS, rateRps);
            } else {
                checks.require(rateRps > 0 && rateRps <= MAX_RATE_RPS, "rateRps", rateRps == 0 ? null : rateRps,
                        "a rate above 0 and at most " + Numbers.plain(MAX_RATE_RPS)
                                + " requests per second with the open model");
            }
            if (thinkTime != null && !checks.failed("thinkTime")) {
                checks.require(thinkTime.isZero(), "thinkTime", thinkTime,
                        "0s with the open model; think time paces the closed model");
            }
        }
        if (stages != null) {
            if (schedule == Schedule.RAMP) {
                checks.requireDescribed(!stages.isEmpty() && stages.size() <= MAX_STAGES, "stages",
                        stages.size() + " stages", "1.." + MAX_STAGES + " stages with load.schedule \"ramp\"");
                Duration total = stages.stream().map(RampStage::duration).reduce(Duration.ZERO, Duration::plus);
                if (duration != null && !checks.failed("duration")) {
                    checks.requireDescribed(total.compareTo(duration) <= 0, "stages",
                            "(" + Durations.format(total) + " in all)",
                            "stages that fit in load.duration (" + Durations.format(duration) + ")");
                }
            } else {
                checks.requireDescribed(stages.isEmpty(), "stages", stages.size() + " stages",
                        "no stages unless load.schedule is \"ramp\"");
            }
        }
        if (mix != null) {
            checks.requireDescribed(mix.size() <= MAX_MIX, "mix", mix.size() + " entries", "at most " + MAX_MIX + " entries");
            if (!mix.isEmpty() && request != null) {
                checks.requireDescribed(request.method().equals(ScenarioDefaults.METHOD)
                                && request.path().equals(ScenarioDefaults.PATH)
                                && request.body() instanceof RequestBody.None,
                        "request", "(" + request.method() + " " + request.path() + ")",
                        "only headers in load.request when load.mix is given; they apply to every entry");
            }
        }
        if (!checks.failed("threads") && !checks.failed("connections")) {
            checks.require(threads <= connections, "threads", threads,
                    "at most load.connections (" + connections + ")");
        }
        if (!checks.failed("jobs") && !checks.failed("concurrentJobs")) {
            checks.require(concurrentJobs <= jobs, "concurrentJobs", concurrentJobs, "at most load.jobs (" + jobs + ")");
        }
        checks.done();
        stages = List.copyOf(stages);
        mix = List.copyOf(mix);
    }
}
