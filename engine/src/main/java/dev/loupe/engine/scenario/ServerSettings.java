package dev.loupe.engine.scenario;

import java.time.Duration;
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
        int maxBodyBytes) {

    static final Pattern VARIANT = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    static final String VARIANT_EXPECTED = "a server variant name, e.g. virtual-threads";
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:%-]{1,253}");

    public ServerSettings {
        Checks checks = new Checks("server");
        checks.matches("variant", variant, VARIANT, VARIANT_EXPECTED);
        checks.range("threads", threads, 1, 4096);
        checks.matches("bindAddress", bindAddress, ADDRESS, "an IP address or host name, e.g. 127.0.0.1");
        checks.range("port", port, 0, 65_535);
        checks.range("keepAliveIdle", keepAliveIdle, Duration.ofMillis(1), Duration.ofHours(1));
        checks.range("headerReadTimeout", headerReadTimeout, Duration.ofMillis(1), Duration.ofMinutes(10));
        checks.range("gracefulStop", gracefulStop, Duration.ZERO, Duration.ofMinutes(5));
        checks.range("maxThreads", maxThreads, 1, 100_000);
        checks.range("maxRequestLineBytes", maxRequestLineBytes, 256, 1024 * 1024);
        checks.range("maxHeaderBytes", maxHeaderBytes, 1024, 16 * 1024 * 1024);
        checks.range("maxBodyBytes", maxBodyBytes, 0, 64 * 1024 * 1024);
        if (!checks.failed("threads") && !checks.failed("maxThreads")) {
            checks.require(threads <= maxThreads, "threads", threads,
                    "at most server.maxThreads (" + maxThreads + ")");
        }
        checks.done();
    }

    /** The defaults of {@link ScenarioDefaults} for {@code variant} with {@code threads}. */
    public static ServerSettings defaults(String variant, int threads) {
        return new ServerSettings(variant, threads, ScenarioDefaults.BIND_ADDRESS, ScenarioDefaults.PORT,
                ScenarioDefaults.KEEP_ALIVE_IDLE, ScenarioDefaults.HEADER_READ_TIMEOUT,
                ScenarioDefaults.GRACEFUL_STOP, ScenarioDefaults.MAX_THREADS,
                ScenarioDefaults.MAX_REQUEST_LINE_BYTES, ScenarioDefaults.MAX_HEADER_BYTES,
                ScenarioDefaults.MAX_BODY_BYTES);
    }
}
