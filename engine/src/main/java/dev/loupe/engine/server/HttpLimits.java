package dev.loupe.engine.server;

import dev.loupe.engine.checks.Checks;
import java.time.Duration;
import java.util.List;

/**
 * Every bound the HTTP/1.1 core enforces, in one place. {@link #DEFAULTS} holds the documented
 * defaults; a scenario's {@code server} object (and tests, with short values) override single fields
 * through the {@code with…} methods. What happens at each bound:
 *
 * <ul>
 *   <li>{@code requestLineMaxBytes} (8 KiB): a longer request line is answered 414 URI Too Long.
 *   <li>{@code headerSectionMaxBytes} (16 KiB): header field lines (each with its line ending, the
 *       blank line that ends them not counted; trailers of a chunked body count too) beyond it are
 *       answered 431 Request Header Fields Too Large.
 *   <li>{@code bodyMaxBytes} (1 MiB): a larger body (declared, or decoded from chunks) is answered 413
 *       Content Too Large.
 *   <li>{@code idleTimeout} (30 s): a kept-alive connection waiting this long for its next request is
 *       closed; also the longest silence allowed while a body is arriving (then 408).
 *   <li>{@code headerReadTimeout} (10 s): from a connection's accept (first request) or a request's
 *       first byte (later ones) until its headers are complete; past it the request is answered 408
 *       Request Timeout, so a slowloris client cannot hold a thread.
 *   <li>{@code gracefulStopTimeout} (5 s): on stop, requests in flight get this long to finish; then
 *       every connection is closed by force (and its thread interrupted).
 *   <li>{@code lingerTimeout} (2 s): after an error answer the server stops writing and reads and
 *       discards what the client still sends for at most this long before closing, so the client
 *       reads the answer instead of a connection reset.
 *   <li>{@code acceptBacklog} (1024): connections the kernel queues before the server accepts them.
 * </ul>
 *
 * After an error answer (400, 408, 413, 414, 431, 501, 505) the connection is always closed.
 */
public record HttpLimits(
        int requestLineMaxBytes,
        int headerSectionMaxBytes,
        int bodyMaxBytes,
        Duration idleTimeout,
        Duration headerReadTimeout,
        Duration gracefulStopTimeout,
        Duration lingerTimeout,
        int acceptBacklog) {

    // Declared before DEFAULTS: the constructor of DEFAULTS reads them.
    private static final int MAX_BYTES = 1024 * 1024 * 1024;
    private static final Duration MAX_DURATION = Duration.ofDays(1);

    /** The documented defaults (see the class comment). */
    public static final HttpLimits DEFAULTS = new HttpLimits(
            8 * 1024,
            16 * 1024,
            1024 * 1024,
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            Duration.ofSeconds(2),
            1024);

    /**
     * After a forced close, how long a stop waits further for connection threads to end before it
     * returns anyway (a handler that ignores interrupts keeps its thread; the stop does not hang).
     */
    public static final Duration FORCED_STOP_WAIT = Duration.ofSeconds(2);

    public HttpLimits {
        Checks.inRange("server.requestLineMaxBytes", requestLineMaxBytes, 64, 16 * 1024 * 1024);
        Checks.inRange("server.headerSectionMaxBytes", headerSectionMaxBytes, 64, 16 * 1024 * 1024);
        Checks.inRange("server.bodyMaxBytes", bodyMaxBytes, 0, MAX_BYTES);
        Checks.positive("server.idleTimeout", idleTimeout, MAX_DURATION);
        Checks.positive("server.headerReadTimeout", headerReadTimeout, MAX_DURATION);
        Checks.positive("server.gracefulStopTimeout", gracefulStopTimeout, MAX_DURATION);
        Checks.positive("server.lingerTimeout", lingerTimeout, MAX_DURATION);
        Checks.inRange("server.acceptBacklog", acceptBacklog, 1, 65535);
    }

    public HttpLimits withRequestLineMaxBytes(int bytes) {
        return new HttpLimits(bytes, headerSectionMaxBytes, bodyMaxBytes, idleTimeout, headerReadTimeout,
                gracefulStopTimeout, lingerTimeout, acceptBacklog);
    }

    public HttpLimits withHeaderSectionMaxBytes(int bytes) {
        return new HttpLimits(requestLineMaxBytes, bytes, bodyMaxBytes, idleTimeout, headerReadTimeout,
                gracefulStopTimeout, lingerTimeout, acceptBacklog);
    }

    public HttpLimits withBodyMaxBytes(int bytes) {
        return new HttpLimits(requestLineMaxBytes, headerSectionMaxBytes, bytes, idleTimeout, headerReadTimeout,
                gracefulStopTimeout, lingerTimeout, acceptBacklog);
    }

    public HttpLimits withIdleTimeout(Duration timeout) {
        return new HttpLimits(requestLineMaxBytes, headerSectionMaxBytes, bodyMaxBytes, timeout, headerReadTimeout,
                gracefulStopTimeout, lingerTimeout, acceptBacklog);
    }

    public HttpLimits withHeaderReadTimeout(Duration timeout) {
        return new HttpLimits(requestLineMaxBytes, headerSectionMaxBytes, bodyMaxBytes, idleTimeout, timeout,
                gracefulStopTimeout, lingerTimeout, acceptBacklog);
    }

    public HttpLimits withGracefulStopTimeout(Duration timeout) {
        return new HttpLimits(requestLineMaxBytes, headerSectionMaxBytes, bodyMaxBytes, idleTimeout,
                headerReadTimeout, timeout, lingerTimeout, acceptBacklog);
    }

    public HttpLimits withLingerTimeout(Duration timeout) {
        return new HttpLimits(requestLineMaxBytes, headerSectionMaxBytes, bodyMaxBytes, idleTimeout,
                headerReadTimeout, gracefulStopTimeout, timeout, acceptBacklog);
    }

    public HttpLimits withAcceptBacklog(int connections) {
        return new HttpLimits(requestLineMaxBytes, headerSectionMaxBytes, bodyMaxBytes, idleTimeout,
                headerReadTimeout, gracefulStopTimeout, lingerTimeout, connections);
    }

    /** Each limit with its default and one line of meaning, as {@code loupe variants} lists them. */
    public static List<Tunable> tunables() {
        HttpLimits d = DEFAULTS;
        return List.of(
                new Tunable("server.maxRequestLineBytes", Units.bytes(d.requestLineMaxBytes),
                        "a longer request line gets 414 and the connection is closed"),
                new Tunable("server.maxHeaderBytes", Units.bytes(d.headerSectionMaxBytes),
                        "more header (and trailer) bytes get 431, then close"),
                new Tunable("server.maxBodyBytes", Units.bytes(d.bodyMaxBytes),
                        "a larger request body gets 413, then close"),
                new Tunable("server.keepAliveIdle", Units.duration(d.idleTimeout),
                        "a kept-alive connection silent this long is closed"),
                new Tunable("server.headerReadTimeout", Units.duration(d.headerReadTimeout),
                        "headers still incomplete after this get 408 (stops slowloris)"),
                new Tunable("server.gracefulStop", Units.duration(d.gracefulStopTimeout),
                        "on stop, requests in flight get this long, then are cut off"),
                new Tunable("lingerTimeout", Units.duration(d.lingerTimeout),
                        "after an error answer, input is drained this long before closing"),
                new Tunable("acceptBacklog", Integer.toString(d.acceptBacklog),
                        "connections the kernel queues until the server accepts them"));
    }
}
