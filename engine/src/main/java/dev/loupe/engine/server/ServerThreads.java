package dev.loupe.engine.server;

/**
 * How server threads are named, so telemetry and tests can tell the server under test from Loupe's
 * own threads: every thread a variant starts has a name beginning with {@link #PREFIX}, followed by
 * its role. (The one exception is a server Loupe did not write: the JDK's HttpServer names its own
 * selector thread {@code HTTP-Dispatcher}; its executor threads do follow the rule.)
 */
public final class ServerThreads {
    /** The prefix of every server thread's name. */
    public static final String PREFIX = "loupe-server-";
    /** The thread that accepts connections. */
    public static final String ACCEPTOR = PREFIX + "acceptor";
    /** The thread that closes connections idle past their deadline (blocking variants). */
    public static final String IDLE_REAPER = PREFIX + "idle-reaper";
    /** Threads that serve one connection each (a number follows), e.g. {@code loupe-server-conn-7}. */
    public static final String CONNECTION_PREFIX = PREFIX + "conn-";
    /** Threads of a fixed pool that serve the connections it hands them (a number follows). */
    public static final String WORKER_PREFIX = PREFIX + "worker-";
    /** Threads that accept a connection and then serve it themselves (a number follows). */
    public static final String ACCEPT_PREFIX = PREFIX + "accept-";
    /** Short-lived or idle threads that run dispatch-delay probes, never requests. */
    public static final String PROBE_PREFIX = PREFIX + "probe-";

    private ServerThreads() {}
}
