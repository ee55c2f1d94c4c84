package dev.loupe.engine.server;

import dev.loupe.engine.checks.ArgumentChecks;
import java.net.InetAddress;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything a variant needs to start, fully resolved and validated. Start from {@link
 * #of(RequestHandler)} (the documented defaults) and change single fields with the {@code with…}
 * methods.
 *
 * @param bindAddress where to listen; loopback by default, another address only when the user names it
 * @param port the port, 0 for any free one
 * @param threads pool size, loop count or standby count, depending on the variant; 0 = the variant's
 *     own default (see its {@link ServerVariant#tunables()})
 * @param maxThreads the scenario's {@code server.maxThreads}: for the variants that start a thread per
 *     connection when needed ({@code thread-per-connection}, {@code accept-pool}), the most connections
 *     served at once, each by its own thread; a connection beyond it is answered 503 and closed.
 *     {@code jdk-httpserver}'s cached executor takes it as its most threads; other variants ignore it.
 *     Default {@value #DEFAULT_MAX_THREADS}
 * @param handler the workload: what every request does (see {@code dev.loupe.engine.server.workload})
 * @param limits sizes, timeouts and the stop bound (defaults in {@link HttpLimits#DEFAULTS})
 * @param clock the wall clock the {@code Date} header is read from; tests pass a fixed one
 * @param options variant-specific tunables by name (e.g. a thread cap), as text; each variant checks
 *     the names and values it knows and rejects any other with a message naming it
 */
public record ServerConfig(
        InetAddress bindAddress,
        int port,
        int threads,
        int maxThreads,
        RequestHandler handler,
        HttpLimits limits,
        InstantSource clock,
        Map<String, String> options) {

    /** The largest {@code threads} any variant accepts. */
    public static final int MAX_THREADS = 10_000;
    /** The default {@code maxThreads} (the scenario's {@code server.maxThreads}). */
    public static final int DEFAULT_MAX_THREADS = 256;
    /** The largest {@code maxThreads}, as for the scenario field. */
    public static final int MAX_THREAD_CAP = 100_000;
    /** The highest port. */
    public static final int MAX_PORT = 65_535;

    public ServerConfig {
        ArgumentChecks.present("server.bind", bindAddress, "an address, e.g. 127.0.0.1");
        ArgumentChecks.inRange("server.port", port, 0, MAX_PORT);
        ArgumentChecks.inRange("server.threads", threads, 0, MAX_THREADS);
        ArgumentChecks.inRange("server.maxThreads", maxThreads, 1, MAX_THREAD_CAP);
        ArgumentChecks.present("server.workload", handler, "a request handler");
        ArgumentChecks.present("server.limits", limits, "limits, e.g. HttpLimits.DEFAULTS");
        ArgumentChecks.present("server.clock", clock, "a clock, e.g. InstantSource.system()");
        ArgumentChecks.present("server.options", options, "a map of option names to values (may be empty)");
        options.forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null) {
                throw new IllegalArgumentException(
                        "server.options: " + k + "=" + v + " (expected: a non-empty name and a value)");
            }
        });
        options = Map.copyOf(options);
    }

    /**
     * Loopback, any free port, the variant's default thread count, the default thread cap, default
     * limits, the system clock.
     */
    public static ServerConfig of(RequestHandler handler) {
        return new ServerConfig(InetAddress.getLoopbackAddress(), 0, 0, DEFAULT_MAX_THREADS, handler,
                HttpLimits.DEFAULTS, InstantSource.system(), Map.of());
    }

    public ServerConfig withBindAddress(InetAddress address) {
        return new ServerConfig(address, port, threads, maxThreads, handler, limits, clock, options);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bindAddress, newPort, threads, maxThreads, handler, limits, clock, options);
    }

    public ServerConfig withThreads(int newThreads) {
        return new ServerConfig(bindAddress, port, newThreads, maxThreads, handler, limits, clock, options);
    }

    public ServerConfig withMaxThreads(int newMaxThreads) {
        return new ServerConfig(bindAddress, port, threads, newMaxThreads, handler, limits, clock, options);
    }

    public ServerConfig withHandler(RequestHandler newHandler) {
        return new ServerConfig(bindAddress, port, threads, maxThreads, newHandler, limits, clock, options);
    }

    public ServerConfig withLimits(HttpLimits newLimits) {
        return new ServerConfig(bindAddress, port, threads, maxThreads, handler, newLimits, clock, options);
    }

    public ServerConfig withClock(InstantSource newClock) {
        return new ServerConfig(bindAddress, port, threads, maxThreads, handler, limits, newClock, options);
    }

    /** This configuration with one more variant option (replacing one of the same name). */
    public ServerConfig withOption(String name, String value) {
        Map<String, String> more = new TreeMap<>(options);
        more.put(name, value);
        return new ServerConfig(bindAddress, port, threads, maxThreads, handler, limits, clock, more);
    }

    /** This configuration with these variant options in place of the current ones. */
    public ServerConfig withOptions(Map<String, String> newOptions) {
        return new ServerConfig(bindAddress, port, threads, maxThreads, handler, limits, clock, newOptions);
    }

    /** {@link #threads} if set, else the variant's default. */
    public int threadsOr(int variantDefault) {
        return threads == 0 ? variantDefault : threads;
    }

    /**
     * Checks every option against those {@code variant} takes, in name order.
     *
     * @throws IllegalArgumentException for the first option {@code variant} does not take, like {@code
     *     server.options.queueCapacity: "8" (expected: an option of event-loop, which takes none)}, or
     *     whose value it refuses ({@link VariantOption#check})
     */
    public void checkOptions(String variant, List<VariantOption> known) {
        for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
            VariantOption match = known.stream().filter(o -> o.name().equals(option.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("server.options." + option.getKey() + ": \""
                            + option.getValue() + "\" (expected: an option of " + variant
                            + (known.isEmpty() ? ", which takes none"
                                    : ", one of " + known.stream().map(VariantOption::name).sorted()
                                            .collect(Collectors.joining(", ")))
                            + ")"));
            match.check(variant, option.getValue());
        }
    }
}
