package dev.loupe.engine.server;

import dev.loupe.engine.checks.ArgumentChecks;
import dev.loupe.engine.units.Durations;
import dev.loupe.engine.units.Numbers;
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

    // The bounds, declared before DEFAULTS (its constructor reads them). A scenario's server.* fields
    // are checked against these same constants.
    /** The smallest request line and head limits, in bytes. */
    public static final int MIN_HEAD_BYTES = 64;
    /** The largest request line limit, in bytes. */
    public static final int MAX_REQUEST_LINE_BYTES = 1024 * 1024;
    /** The largest request head limit, in bytes. */
    public static final int MAX_HEADER_SECTION_BYTES = 16 * 1024 * 1024;
    /** The largest request body limit, in bytes (the core holds a body in memory). */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    /** The shortest timeout of any kind. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
    /** The longest keep-alive idle timeout. */
    public static final Duration MAX_IDLE_TIMEOUT = Duration.ofHours(1);
    /** The longest header-read timeout. */
    public static final Duration MAX_HEADER_READ_TIMEOUT = Duration.ofMinutes(10);
    /** The longest graceful stop; 0 closes every connection at once. */
    public static final Duration MAX_GRACEFUL_STOP = Duration.ofMinutes(5);
    /** The longest linger after an error answer. */
    public static final Duration MAX_LINGER = Duration.ofMinutes(1);

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
        ArgumentChecks.inRange("server.maxRequestLineBytes", requestLineMaxBytes, MIN_HEAD_BYTES, MAX_REQUEST_LINE_BYTES);
        ArgumentChecks.inRange("server.maxHeaderBytes", headerSectionMaxBytes, MIN_HEAD_BYTES, MAX_HEADER_SECTION_BYTES);
        ArgumentChecks.inRange("server.maxBodyBytes", bodyMaxBytes, 0, MAX_BODY_BYTES);
        ArgumentChecks.inRange("server.keepAliveIdle", idleTimeout, MIN_TIMEOUT, MAX_IDLE_TIMEOUT);
        ArgumentChecks.inRange("server.headerReadTimeout", headerReadTimeout, MIN_TIMEOUT, MAX_HEADER_READ_TIMEOUT);
        ArgumentChecks.inRange("server.gracefulStop", gracefulStopTimeout, Duration.ZERO, MAX_GRACEFUL_STOP);
        ArgumentChecks.inRange("server.lingerTimeout", lingerTimeout, MIN_TIMEOUT, MAX_LINGER);
        ArgumentChecks.inRange("server.acceptBacklog", acceptBacklog, 1, 65535);
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
                new Tunable("server.maxRequestLineBytes", Numbers.exactSize(d.requestLineMaxBytes),
                        "a longer request line gets 414 and the connection is closed"),
                new Tunable("server.maxHeaderBytes", Numbers.exactSize(d.headerSectionMaxBytes),
                        "more header (and trailer) bytes get 431, then close"),
                new Tunable("server.maxBodyBytes", Numbers.exactSize(d.bodyMaxBytes),
                        "a larger request body gets 413, then close"),
                new Tunable("server.keepAliveIdle", Durations.format(d.idleTimeout),
                        "a kept-alive connection silent this long is closed"),
                new Tunable("server.headerReadTimeout", Durations.format(d.headerReadTimeout),
                        "headers still incomplete after this get 408 (stops slowloris)"),
                new Tunable("server.gracefulStop", Durations.format(d.gracefulStopTimeout),
                        "on stop, requests in flight get this long, then are cut off"),
                new Tunable("lingerTimeout", Durations.format(d.lingerTimeout),
                        "after an error answer, input is drained this long before closing"),
                new Tunable("acceptBacklog", Integer.toString(d.acceptBacklog),
                        "connections the kernel queues until the server accepts them"));
    }
}
