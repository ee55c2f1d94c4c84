package dev.loupe.engine.scenario;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The server under test: which variant, and its tunables and limits. The {@code server} object of
 * a scenario file. Each variant reads the tunables it understands ({@code loupe variants} lists
 * them); the limits apply to every variant built on Loupe's HTTP core.
 *
 * @param variant the concurrency model, e.g. {@code virtual-threads}, {@code event-loop}
 * @param threads pool size, event-loop count or standby threads, depending on the variant (from the preset when unset)
 * @param bindAddress the address to listen on; loopback unless the user names another
 * @param port the port to listen on, 0 for any free one
 * @param keepAliveIdle how long an idle keep-alive connection stays open
 * @param headerReadTimeout how long a client may take to send a request's line and headers
 * @param gracefulStop how long requests in flight may finish at stop before connections are closed
 * @param maxThreads thread cap of thread-per-connection and accept-pool; connections beyond it get a 503
 * @param maxRequestLineBytes longest request line accepted (414 beyond)
 * @param maxHeaderBytes largest request head accepted (431 beyond)
 * @param maxBodyBytes largest request body accepted (413 beyond)
 * @param options the variant's own tunables by name, as text ({@code workers}, {@code queueCapacity},
 *     {@code executor}, …; {@code loupe variants} lists each variant's); which names and values a
 *     variant takes is for the variant to say, when the catalog admits the scenario
 */
public record ServerSettings(
        String variant,
        int threads,
        String bindAddress,
        int port,
        Duration keepAliveIdle,
        Duration headerReadTimeout,
        Duration gracefulStop,
        int maxThreads,
        int maxRequestLineBytes,
        int maxHeaderBytes,
        int maxBodyBytes,
        Map<String, String> options) {

    static final Pattern VARIANT = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    static final String VARIANT_EXPECTED = "a server variant name, e.g. virtual-threads";
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:%-]{1,253}");
    /** An option's name: a word in camelCase, as in {@code queueCapacity}. */
    public static final Pattern OPTION_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
    /** An option's value: text without control characters. */
    public static final Pattern OPTION_VALUE = Pattern.compile("[^\\p{Cntrl}]{1,256}");


    public ServerSettings {
        FieldChecks checks = new FieldChecks("server");
        checks.matches("variant", variant, VARIANT, VARIANT_EXPECTED);
        checks.range(ScenarioLimits.SERVER_THREADS, threads);
        checks.matches("bindAddress", bindAddress, ADDRESS, "an IP address or host name, e.g. 127.0.0.1");
        checks.range(ScenarioLimits.SERVER_PORT, port);
        checks.range(ScenarioLimits.KEEP_ALIVE_IDLE, keepAliveIdle);
        checks.range(ScenarioLimits.HEADER_READ_TIMEOUT, headerReadTimeout);
        checks.range(ScenarioLimits.GRACEFUL_STOP, gracefulStop);
        checks.range(ScenarioLimits.MAX_THREADS, maxThreads);
        checks.range(ScenarioLimits.MAX_REQUEST_LINE_BYTES, maxRequestLineBytes);
        checks.range(ScenarioLimits.MAX_HEADER_BYTES, maxHeaderBytes);
        checks.range(ScenarioLimits.MAX_BODY_BYTES, maxBodyBytes);
        if (!checks.failed("threads") && !checks.failed("maxThreads")) {
            checks.require(threads <= maxThreads, "threads", threads,
                    "at most server.maxThreads (" + maxThreads + ")");
        }
        checks.present("options", options, "an object of option names to values, may be empty");
        if (options != null) {
            checks.requireDescribed(options.size() <= ScenarioLimits.SERVER_OPTIONS.max(), "options",
                    options.size() + " options", "at most " + ScenarioLimits.SERVER_OPTIONS.max() + " options");
            options.forEach((name, value) -> {
                if (name == null || !OPTION_NAME.matcher(name).matches()) {
                    checks.fail("options", FieldChecks.show(name), "option names in camelCase, e.g. queueCapacity");
                } else if (value == null || !OPTION_VALUE.matcher(value).matches()) {
                    checks.fail("options." + name, FieldChecks.show(value),
                            "a value of 1 to 256 characters without control characters");
                }
            });
        }
        checks.done();
        options = Map.copyOf(options);
    }

    /** These settings with {@code options} in place of the current ones. */
    public ServerSettings withOptions(Map<String, String> newOptions) {
        return new ServerSettings(variant, threads, bindAddress, port, keepAliveIdle, headerReadTimeout, gracefulStop,
                maxThreads, maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, newOptions);
    }

    /** The options sorted by name, as files are written. */
    public Map<String, String> sortedOptions() {
        return new TreeMap<>(options);
    }

    /** The defaults of {@link ScenarioDefaults} for {@code variant} with {@code threads}. */
    public static ServerSettings defaults(String variant, int threads) {
        return new ServerSettings(variant, threads, ScenarioDefaults.BIND_ADDRESS, ScenarioDefaults.PORT,
                ScenarioDefaults.KEEP_ALIVE_IDLE, ScenarioDefaults.HEADER_READ_TIMEOUT,
                ScenarioDefaults.GRACEFUL_STOP, ScenarioDefaults.MAX_THREADS,
                ScenarioDefaults.MAX_REQUEST_LINE_BYTES, ScenarioDefaults.MAX_HEADER_BYTES,
                ScenarioDefaults.MAX_BODY_BYTES, Map.of());
    }
}
