package dev.loupe.engine.server.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.RequestHandler;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sleep}, {@code cpu} and {@code alloc} cost at least what they say, measured on the calling
 * (platform) thread: wall time, thread CPU time, thread-allocated bytes. Lower bounds and ratios
 * only, each against {@code hello} as the control: the machine is shared, so nothing here asserts
 * how fast.
 */
@Tag("timing")
@Timeout(120)
class CostWorkloadsTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static RequestHandler handler(String spec) {
        return Workloads.parse(spec, "--workload").newHandler();
    }

    @Test
    void sleep100usWaitsAtLeast100usEveryTime() throws Exception {
        RequestHandler sleep = handler("sleep:100us");
        RequestHandler hello = handler("hello");
        long[] helloNanos = new long[200];
        for (int i = 0; i < helloNanos.length; i++) {
            long start = System.nanoTime();
            sleep.handle(FakeRequest.get("/"));
            long slept = System.nanoTime() - start;
            assertThat(slept).as("request %d", i).isGreaterThanOrEqualTo(100_000);
            start = System.nanoTime();
            hello.handle(FakeRequest.get("/"));
            helloNanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(helloNanos);
        assertThat(helloNanos[helloNanos.length / 2]).as("control: the same clock sees hello take less").isLessThan(100_000);
    }

    @Test
    void cpuBurnsAtLeastItsTimeOfThreadCpu() throws Exception {
        RequestHandler cpu = handler("cpu:2ms");
        RequestHandler hello = handler("hello");
        int n = 50;
        long before = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            cpu.handle(FakeRequest.get("/"));
        }
        long cpuNanos = THREADS.getCurrentThreadCpuTime() - before;
        before = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            hello.handle(FakeRequest.get("/"));
        }
        long helloNanos = THREADS.getCurrentThreadCpuTime() - before;
        assertThat(cpuNanos).as("thread CPU time of %d x cpu:2ms", n).isGreaterThanOrEqualTo(n * 2_000_000L);
        assertThat(helloNanos).as("control: hello burns far less").isLessThan(cpuNanos / 10);
    }

    @Test
    void cpuOnAVirtualThreadSpinsItsTimeOnTheCarrier() throws Exception {
        RequestHandler cpu = handler("cpu:5ms");
        long[] elapsed = new long[1];
        Thread.ofVirtual().start(() -> {
            assertThat(BusyWork.cpuTimeNanos()).as("the JVM cannot clock a virtual thread").isEqualTo(-1);
            long start = System.nanoTime();
            try {
                cpu.handle(FakeRequest.get("/"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            elapsed[0] = System.nanoTime() - start;
        }).join();
        assertThat(elapsed[0]).isGreaterThanOrEqualTo(5_000_000);
    }

    @Test
    void allocAllocatesAtLeastItsSizeEvenOnceCompiled() throws Exception {
        for (String size : new String[] {"100B", "16KiB", "100KiB", "1MiB"}) {
            long bytes = Parameters.bytes("size", size, 1, Long.MAX_VALUE);
            RequestHandler alloc = handler("alloc:" + size);
            long before = THREADS.getCurrentThreadAllocatedBytes();
            alloc.handle(FakeRequest.get("/"));
            assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).as(size).isGreaterThanOrEqualTo(bytes);
        }
        // After enough calls for the JIT to compile (and escape-analyse) the loop, it still allocates.
        RequestHandler alloc = handler("alloc:16KiB");
        for (int i = 0; i < 20_000; i++) {
            alloc.handle(FakeRequest.get("/"));
        }
        int n = 1_000;
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            alloc.handle(FakeRequest.get("/"));
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).isGreaterThanOrEqualTo(n * 16 * 1024L);

        RequestHandler hello = handler("hello");
        before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            hello.handle(null);
        }
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).as("control: hello allocates next to nothing")
                .isLessThan(allocated / 100);
    }
}
