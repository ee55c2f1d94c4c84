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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * <p>An exchange the executor rejects (queue full, at the cap) is closed by the JDK without an answer.
 * It is the reference Loupe did not write: its limits and timeouts are the JDK's own JVM-wide system
 * properties ({@code sun.net.httpserver.*}), not {@code server.*}, except the body size and the
 * graceful-stop bound, which the adapter and the stop apply. Dispatch target: the executor itself — a
 * probe waits in the fixed pool's queue, starts a virtual thread, or is handed to a cached thread.
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
        ExecutorKind kind = ExecutorKind.parse(EXECUTOR.textValue(NAME, config, ExecutorKind.FIXED.text()));
        HttpServer server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()),
                config.limits().acceptBacklog());
        ExecutorService executor = executor(kind, config);
        ExchangeHandler handler = new ExchangeHandler(HttpCore.of(config));
        server.createContext("/", handler);
        server.setExecutor(executor);
        DispatchTarget target = new ExecutorTarget(kind.text() + "-executor", THREAD_PREFIX, executor);
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
        return switch (kind) {
            case FIXED -> {
                int threads = config.threadsOr(DEFAULT_THREADS);
                yield new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                        new LinkedBlockingQueue<>(FIXED_QUEUE_CAPACITY), platform);
            }
            case VIRTUAL -> Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(THREAD_PREFIX, 1).factory());
            case CACHED -> new ThreadPoolExecutor(0, config.maxThreads(), CACHED_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), platform);
        };
    }

    /** The dispatch target of a JDK server: its executor. */
    private record ExecutorTarget(String name, String threadNamePrefix, ExecutorService executor)
            implements DispatchTarget {
        @Override
        public void execute(Runnable probe) {
            executor.execute(probe);
        }
    }
}
