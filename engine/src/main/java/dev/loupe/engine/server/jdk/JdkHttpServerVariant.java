package dev.loupe.engine.server.jdk;

import com.sun.net.httpserver.HttpServer;
import dev.loupe.engine.concurrency.ConcurrencyModel;
import dev.loupe.engine.concurrency.DispatchTarget;
import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerThreads;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.Tunable;
import dev.loupe.engine.server.VariantOption;
import dev.loupe.engine.server.http.HttpCore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code jdk-httpserver}: the JDK's built-in {@code com.sun.net.httpserver.HttpServer} (one selector
 * thread, {@code HTTP-Dispatcher}, that accepts and watches connections, and an executor that reads
 * each request and runs the handler) with the executor chosen by option {@code executor}:
 *
 * <ul>
 *   <li>{@code fixed} (default): {@code threads} platform threads ({@value #THREAD_PREFIX}N) and a
 *       queue of at most {@value #FIXED_QUEUE_CAPACITY} exchanges.
 *   <li>{@code virtual}: a new virtual thread per exchange.
 *   <li>{@code cached}: an idle thread if there is one, else a new one, up to {@code maxThreads};
 *       idle threads end after {@value #CACHED_KEEP_ALIVE_SECONDS} s.
 * </ul>
 *
 * <p>At its limit it sheds rather than going silent: the JDK closes an exchange its executor rejects
 * without an answer, so the fixed and cached executors are a {@link SheddingExecutor}, which answers
 * 503 to an exchange that finds the queue full or the cached threads at their cap, or that waited in
 * the queue longer than {@code server.headerReadTimeout} (at most half the JDK's request time limit).
 * It is the reference Loupe did not write: its other limits and timeouts are the JDK's own JVM-wide
 * system properties ({@code sun.net.httpserver.*}), read once when the first server starts; Loupe sets
 * {@code sun.net.httpserver.maxReqTime} to {@value #MAX_REQ_TIME_SECONDS} s unless it is set already,
 * so that slow clients cannot hold the executor's threads for ever (the JDK closes a request that
 * takes longer, unanswered). The body size and the graceful-stop bound are applied by the adapter and
 * the stop. Dispatch target: the executor itself — a probe waits in the fixed pool's queue, starts a
 * virtual thread, or is handed to a cached thread; probes are never shed.
 *
 * <p>Public only because {@link java.util.ServiceLoader} needs it; start it through {@link
 * dev.loupe.engine.server.ServerVariants}.
 */
public final class JdkHttpServerVariant implements ServerVariant {
    public static final String NAME = "jdk-httpserver";
    static final String THREAD_PREFIX = ServerThreads.PREFIX + "jdk-";
    static final VariantOption EXECUTOR = VariantOption.oneOf("executor", "fixed", List.of("fixed", "virtual", "cached"),
            "fixed (threads, queued), virtual (one per exchange) or cached (reused, new when none idle)");
    static final int DEFAULT_THREADS = 4;
    static final int FIXED_QUEUE_CAPACITY = 10_000;
    static final long CACHED_KEEP_ALIVE_SECONDS = 60;
    /** The JDK's request time limit Loupe sets unless the user did: twice the default header-read timeout. */
    static final long MAX_REQ_TIME_SECONDS = 20;
    private static final String MAX_REQ_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";

    /** The executors the option {@code executor} names. */
    enum ExecutorKind {
        FIXED, VIRTUAL, CACHED;

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        static ExecutorKind parse(String checked) {
            return valueOf(checked.toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConcurrencyModel concurrencyModel() {
        return ConcurrencyModel.FIXED_POOL;
    }

    @Override
    public String description() {
        return "the JDK's own com.sun.net.httpserver (a selector thread and a fixed, virtual or cached"
                + " executor): the reference Loupe did not write, with the JDK's own limits and timeouts";
    }

    @Override
    public List<Tunable> tunables() {
        return List.of(
                new Tunable("threads", Integer.toString(DEFAULT_THREADS), "threads of the fixed executor"),
                new Tunable("maxThreads", Integer.toString(ServerConfig.DEFAULT_MAX_THREADS),
                        "most threads of the cached executor; beyond, the JDK closes the connection"));
    }

    @Override
    public List<VariantOption> options() {
        return List.of(EXECUTOR);
    }

    @Override
    public RunningServer start(ServerConfig config) throws IOException {
        check(config);
        limitRequestTime();
        ExecutorKind kind = ExecutorKind.parse(EXECUTOR.textValue(NAME, config, ExecutorKind.FIXED.text()));
        HttpServer server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()),
                config.limits().acceptBacklog());
        ExecutorService executor = executor(kind, config);
        Executor probes = executor instanceof SheddingExecutor shedding ? shedding::executeProbe : executor;
        ExchangeHandler handler = new ExchangeHandler(HttpCore.of(config));
        server.createContext("/", handler);
        server.setExecutor(executor);
        DispatchTarget target = new ExecutorTarget(kind.text() + "-executor", THREAD_PREFIX, probes);
        try {
            server.start();
        } catch (RuntimeException | Error e) {
            server.stop(0);
            executor.shutdownNow();
            throw e;
        }
        return new JdkServer(server, executor, handler, config.limits(), target);
    }

    private static ExecutorService executor(ExecutorKind kind, ServerConfig config) {
        ThreadFactory platform = Thread.ofPlatform().name(THREAD_PREFIX, 1).daemon(true).factory();
        Duration queueBound = queueBound(config);
        return switch (kind) {
            case FIXED -> {
                int threads = config.threadsOr(DEFAULT_THREADS);
                yield new SheddingExecutor(threads, threads, Duration.ZERO, new LinkedBlockingQueue<>(FIXED_QUEUE_CAPACITY),
                        platform, queueBound);
            }
            case VIRTUAL -> Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(THREAD_PREFIX, 1).factory());
            case CACHED -> new SheddingExecutor(0, config.maxThreads(), Duration.ofSeconds(CACHED_KEEP_ALIVE_SECONDS),
                    new SynchronousQueue<>(), platform, queueBound);
        };
    }

    /**
     * How long an exchange may wait in the queue: the header-read timeout, at most half the JDK's
     * request time limit, so it is answered 503 before the JDK would close it unanswered.
     */
    private static Duration queueBound(ServerConfig config) {
        Duration bound = config.limits().headerReadTimeout();
        long maxReqSeconds = Long.getLong(MAX_REQ_TIME_PROPERTY, -1);
        if (maxReqSeconds > 0) {
            Duration half = Duration.ofSeconds(maxReqSeconds).dividedBy(2);
            bound = bound.compareTo(half) > 0 ? half : bound;
        }
        return bound;
    }

    /** Sets the JDK's request time limit, JVM-wide and once, unless the user has set it. */
    private static synchronized void limitRequestTime() {
        if (System.getProperty(MAX_REQ_TIME_PROPERTY) == null) {
            System.setProperty(MAX_REQ_TIME_PROPERTY, Long.toString(MAX_REQ_TIME_SECONDS));
        }
    }

    /** The dispatch target of a JDK server: its executor. */
    private record ExecutorTarget(String name, String threadNamePrefix, Executor executor)
            implements DispatchTarget {
        @Override
        public void execute(Runnable probe) {
            executor.execute(probe);
        }
    }
}
