package dev.loupe.engine.load;

import dev.loupe.engine.checks.ArgumentChecks;
import dev.loupe.engine.units.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one load run needs, resolved and validated: what to send, where, how fast and for how
 * long. The defaults (one place for all of them) are the constants below; {@link #builder} starts
 * from them.
 *
 * @param target where to connect
 * @param requests the requests to send; with more than one, each request picks one by weight,
 *     deterministically from {@code seed} and the request's index
 * @param placeholders values for the {@code {name}} placeholders in the requests' paths; every name
 *     used must be here
 * @param pacing closed (connections wait for responses) or open (a schedule sets the pace)
 * @param connections how many TCP connections to keep (at most one request in flight on each)
 * @param threads how many selector threads share the connections (at most {@code connections})
 * @param warmup how long to send before measuring; warm-up intervals are reported but excluded from the summary
 * @param duration how long to measure after the warm-up; sending stops at {@code warmup + duration}
 * @param keepAlive reuse connections; when false each request gets a new connection and says {@code Connection: close}
 * @param leakConnections 0, or a leaking client: each request opens a new keep-alive connection and
 *     the old one is left open, unread and unclosed (a client that never closes its responses), up to
 *     this many per run, beyond which the oldest is closed; the server may still close them (its idle
 *     timeout), which the client sees and counts. Open connections on both sides stay honest: each
 *     leaked one counts as open until someone closes it
 * @param connectTimeout how long a TCP connect may take before it counts as a connect error
 * @param requestTimeout how long after its first byte is written a request may wait for its whole response
 * @param stopGrace after sending stops, how long to wait for in-flight responses (capped by
 *     {@code requestTimeout}); requests still unanswered then count as timeouts
 * @param seed for the request mix and anything else random
 */
public record LoadSpec(
        LoadTarget target,
        List<RequestSpec> requests,
        Map<String, PlaceholderValue> placeholders,
        Pacing pacing,
        int connections,
        int threads,
        Duration warmup,
        Duration duration,
        boolean keepAlive,
        int leakConnections,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration stopGrace,
        long seed) {

    // Defaults and bounds, one place for each: a scenario's load.* fields and `loupe load` read them.
    public static final int DEFAULT_CONNECTIONS = 10;
    public static final int MAX_CONNECTIONS = 100_000;
    /** One selector thread: on two cores it leaves the other one to the server. */
    public static final int DEFAULT_THREADS = 1;
    public static final int MAX_THREADS = 64;
    /** The measured duration of {@code loupe load} when none is given, as wrk's, as text. */
    public static final String DEFAULT_DURATION_TEXT = "10s";
    public static final Duration DEFAULT_DURATION = Durations.parse(DEFAULT_DURATION_TEXT);
    /** The longest measured duration. */
    public static final Duration MAX_DURATION = Duration.ofHours(24);
    public static final String DEFAULT_WARMUP_TEXT = "0s";
    public static final Duration DEFAULT_WARMUP = Durations.parse(DEFAULT_WARMUP_TEXT);
    /** The longest warm-up. */
    public static final Duration MAX_WARMUP = Duration.ofHours(1);
    /** The shortest connect or request timeout. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
    public static final String DEFAULT_CONNECT_TIMEOUT_TEXT = "2s";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Durations.parse(DEFAULT_CONNECT_TIMEOUT_TEXT);
    public static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMinutes(1);
    public static final String DEFAULT_REQUEST_TIMEOUT_TEXT = "10s";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Durations.parse(DEFAULT_REQUEST_TIMEOUT_TEXT);
    public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(5);
    /**
     * After a stop request ({@link LoadRun#stop()}), how long responses in flight are still awaited:
     * a moment, so a stop ends the run within a second; those still unanswered are abandoned, not
     * counted as errors.
     */
    public static final Duration STOP_DRAIN = Duration.ofMillis(250);
    public static final long DEFAULT_SEED = 42;
    /**
     * The most connections a leaking client leaves open. Each costs a file descriptor on each side: a
     * server in the same JVM doubles it, against a process limit of often 20,000 or less.
     */
    public static final int MAX_LEAKED_CONNECTIONS = 8_000;

    public LoadSpec {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(pacing, "pacing");
        requests = List.copyOf(Objects.requireNonNull(requests, "requests"));
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("requests: empty (expected: at least one request)");
        }
        placeholders = Map.copyOf(Objects.requireNonNull(placeholders, "placeholders"));
        Set<String> missing = new HashSet<>();
        for (RequestSpec r : requests) {
            for (String name : r.placeholderNames()) {
                if (!placeholders.containsKey(name)) {
                    missing.add(name);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("placeholders: no value for " + missing
                    + " (expected: a PlaceholderValue for every {name} in the request paths)");
        }
        ArgumentChecks.inRange("connections", connections, 1, MAX_CONNECTIONS);
        ArgumentChecks.inRange("threads", threads, 1, Math.min(MAX_THREADS, connections));
        ArgumentChecks.inRange("warmup", warmup, Duration.ZERO, MAX_WARMUP);
        ArgumentChecks.positive("duration", duration, MAX_DURATION);
        ArgumentChecks.inRange("leakConnections", leakConnections, 0, MAX_LEAKED_CONNECTIONS);
        if (leakConnections > 0 && !keepAlive) {
            throw new IllegalArgumentException("leakConnections: " + leakConnections
                    + " (expected: 0 without keep-alive; a leaking client leaves kept-alive connections open)");
        }
        ArgumentChecks.inRange("connectTimeout", connectTimeout, MIN_TIMEOUT, MAX_CONNECT_TIMEOUT);
        ArgumentChecks.inRange("timeout", requestTimeout, MIN_TIMEOUT, MAX_REQUEST_TIMEOUT);
        ArgumentChecks.notNegative("stopGrace", stopGrace);
    }

    /** A spec with every default: closed model, {@code GET url's path}, 10 connections, 1 thread, 10 s. */
    public static Builder builder(HttpUrl url) {
        return new Builder(url.target()).request(RequestSpec.get(url.pathAndQuery()));
    }

    public static Builder builder(LoadTarget target) {
        return new Builder(target);
    }

    /** Whether this is an open-model run. */
    public boolean isOpen() {
        return pacing instanceof Pacing.Open;
    }

    /** A mutable helper that fills in the defaults; {@link #build()} validates. */
    public static final class Builder {
        private final LoadTarget target;
        private final List<RequestSpec> requests = new ArrayList<>();
        private final Map<String, PlaceholderValue> placeholders = new LinkedHashMap<>();
        private Pacing pacing = Pacing.closed();
        private int connections = DEFAULT_CONNECTIONS;
        private int threads = DEFAULT_THREADS;
        private Duration warmup = DEFAULT_WARMUP;
        private Duration duration = DEFAULT_DURATION;
        private boolean keepAlive = true;
        private int leakConnections;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration stopGrace = DEFAULT_STOP_GRACE;
        private long seed = DEFAULT_SEED;

        private Builder(LoadTarget target) {
            this.target = Objects.requireNonNull(target, "target");
        }

        /** Replaces the requests with this one. */
        public Builder request(RequestSpec request) {
            requests.clear();
            requests.add(request);
            return this;
        }

        /** Replaces the requests with this weighted mix. */
        public Builder requests(List<RequestSpec> mix) {
            requests.clear();
            requests.addAll(mix);
            return this;
        }

        public Builder placeholder(String name, PlaceholderValue value) {
            placeholders.put(name, value);
            return this;
        }

        public Builder pacing(Pacing value) {
            pacing = value;
            return this;
        }

        /** Open model with this schedule. */
        public Builder open(ArrivalSchedule schedule) {
            return pacing(Pacing.open(schedule));
        }

        /** Closed model with this think time. */
        public Builder closed(Duration thinkTime) {
            return pacing(new Pacing.Closed(thinkTime));
        }

        public Builder connections(int value) {
            connections = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder warmup(Duration value) {
            warmup = value;
            return this;
        }

        public Builder duration(Duration value) {
            duration = value;
            return this;
        }

        public Builder keepAlive(boolean value) {
            keepAlive = value;
            return this;
        }

        /** A leaking client that leaves up to {@code max} connections open (0: none). */
        public Builder leakConnections(int max) {
            leakConnections = max;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        public Builder stopGrace(Duration value) {
            stopGrace = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public LoadSpec build() {
            return new LoadSpec(target, requests, placeholders, pacing, connections, threads, warmup, duration,
                    keepAlive, leakConnections, connectTimeout, requestTimeout, stopGrace, seed);
        }
    }
}
