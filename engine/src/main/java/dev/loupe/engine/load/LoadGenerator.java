package dev.loupe.engine.load;

import dev.loupe.engine.measure.IntervalCollector;
import dev.loupe.engine.measure.IntervalListener;
import dev.loupe.engine.measure.LoadMeter;
import dev.loupe.engine.measure.NanoClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Starts load runs. Each run gets its own selector threads, named {@code loupe-load-1…}, each owning
 * a share of the connections, and one collector thread, {@code loupe-load-collector}, which closes an
 * interval snapshot every 250 ms, hands it to the listeners and finally builds the {@link LoadResult}.
 *
 * <pre>{@code
 * LoadSpec spec = LoadSpec.builder(HttpUrl.parse("http://127.0.0.1:8080/"))
 *         .connections(50).duration(Duration.ofSeconds(10))
 *         .open(ArrivalSchedule.constant(2_000))          // or leave closed
 *         .build();
 * LoadRun run = LoadGenerator.create().start(spec, List.of(snapshot -> ...));
 * LoadResult result = run.awaitResult();                  // run.stop() ends it early
 * }</pre>
 *
 * <p>The clock and the thread factory are injected; the generator names the threads it creates.
 */
public final class LoadGenerator {
    private final NanoClock clock;
    private final ThreadFactory threadFactory;

    /**
     * @param clock the run's time base (snapshot timestamps are ms since the run's start on it)
     * @param threadFactory makes the selector and collector threads (platform threads: they block in select)
     */
    public LoadGenerator(NanoClock clock, ThreadFactory threadFactory) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
    }

    /** The system clock and daemon platform threads. */
    public static LoadGenerator create() {
        return new LoadGenerator(NanoClock.system(), Thread.ofPlatform().daemon(true).factory());
    }

    /**
     * Resolves the target, connects and starts sending; returns at once.
     *
     * @param listeners receive every interval snapshot, warm-up included, on the collector thread
     * @throws IllegalArgumentException if the target's host cannot be resolved
     * @throws UncheckedIOException if the selectors cannot be opened
     */
    public LoadRun start(LoadSpec spec, List<IntervalListener> listeners) {
        return start(spec, listeners, clock.nanoTime());
    }

    /**
     * The result of a run that was stopped before it began: nothing sent, nothing measured, stopped
     * early. A stop that comes while the server still starts need not start the load at all.
     */
    public static LoadResult notStarted(LoadSpec spec) {
        IntervalCollector nothing = new IntervalCollector(List.of(new LoadMeter("not-started", spec.isOpen())), 0,
                spec.warmup().toNanos(), List.of());
        return new LoadResult(nothing.summary(), nothing.measuredLatency(), nothing.measuredUncorrectedLatency(),
                0, 0, 0, 0, true, spec.isOpen());
    }

    /** The clock the generator times everything with. */
    public NanoClock clock() {
        return clock;
    }

    /**
     * Like {@link #start(LoadSpec, List)}, with the run's time zero chosen by the caller (a reading of
     * {@link #clock()} taken just before), so other parts of a run (telemetry) share the time base.
     */
    public LoadRun start(LoadSpec spec, List<IntervalListener> listeners, long runStartNs) {
        InetSocketAddress address = resolve(spec.target());
        EncodedRequest[] requests = new EncodedRequest[spec.requests().size()];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = EncodedRequest.encode(spec.requests().get(i), spec.target(), spec.keepAlive(), spec.placeholders());
        }
        int threads = spec.threads();
        List<LoadMeter> meters = new ArrayList<>();
        List<Worker> workers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int share = spec.connections() / threads + (t < spec.connections() % threads ? 1 : 0);
                LoadMeter meter = new LoadMeter(threadName(t), spec.isOpen());
                meters.add(meter);
                workers.add(new Worker(spec, requests, address, meter, clock, t, share));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the load generator: " + e.getMessage(), e);
        }

        IntervalCollector collector = new IntervalCollector(meters, runStartNs, spec.warmup().toNanos(), listeners);
        CompletableFuture<LoadResult> result = new CompletableFuture<>();
        LoadRun run = new LoadRun(spec, workers, result);
        CountDownLatch workersDone = new CountDownLatch(threads);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Worker worker = workers.get(t);
            worker.begin(runStartNs);
            Thread thread = threadFactory.newThread(() -> {
                try {
                    worker.run();
                } finally {
                    workersDone.countDown();
                }
            });
            thread.setName(threadName(t));
            started.add(thread);
        }
        Thread collectorThread = threadFactory.newThread(
                () -> collect(run, collector, workers, workersDone, spec.isOpen(), result));
        collectorThread.setName("loupe-load-collector");
        started.forEach(Thread::start);
        collectorThread.start();
        return run;
    }

    private static String threadName(int index) {
        return "loupe-load-" + (index + 1);
    }

    private static InetSocketAddress resolve(LoadTarget target) {
        try {
            return new InetSocketAddress(InetAddress.getByName(target.host()), target.port());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + target.host() + "' (expected: a host name this machine can resolve, or an IP address)");
        }
    }

    /** The collector thread: a snapshot at every boundary until the workers are done, then the result. */
    private void collect(LoadRun run, IntervalCollector collector, List<Worker> workers, CountDownLatch workersDone,
            boolean open, CompletableFuture<LoadResult> result) {
        try {
            while (true) {
                long waitNs = collector.nextBoundaryNs() - clock.nanoTime();
                if (waitNs > 0) {
                    if (workersDone.await(waitNs, TimeUnit.NANOSECONDS)) {
                        break;
                    }
                    continue;
                }
                collector.closeInterval(clock.nanoTime());
            }
            collector.closeInterval(clock.nanoTime());
            for (Worker w : workers) {
                if (w.failure() != null) {
                    throw new IllegalStateException("a load generator thread failed: " + w.failure(), w.failure());
                }
            }
            result.complete(new LoadResult(
                    collector.summary(),
                    collector.measuredLatency(),
                    collector.measuredUncorrectedLatency(),
                    collector.measuredBytesRead(),
                    collector.measuredBytesWritten(),
                    collector.measuredOutOfRangeLatencies(),
                    collector.unsentAtStop(),
                    run.isStopRequested(),
                    open));
        } catch (InterruptedException e) {
            run.stop();
            result.completeExceptionally(e);
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            run.stop();
            result.completeExceptionally(t);
        }
    }
}
