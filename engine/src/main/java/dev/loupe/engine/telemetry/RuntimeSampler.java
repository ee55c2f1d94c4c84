package dev.loupe.engine.telemetry;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import jdk.management.VirtualThreadSchedulerMXBean;

/**
 * Reads the runtime every 250 ms: heap used and committed, live platform threads, virtual threads
 * mounted, the server's open connections and queue, open file descriptors. Only cheap MXBean reads
 * (no safepoint, no thread dump). Confined to the session's probe thread.
 */
final class RuntimeSampler {
    static final long PERIOD_MS = 250;

    private final ObservedServer server;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final VirtualThreadSchedulerMXBean scheduler =
            ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

    RuntimeSampler(ObservedServer server) {
        this.server = server;
    }

    RuntimeSample sample() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        int fds = os instanceof UnixOperatingSystemMXBean unix ? (int) unix.getOpenFileDescriptorCount() : -1;
        return new RuntimeSample(heap.getUsed(), heap.getCommitted(), threads.getThreadCount(),
                scheduler == null ? 0 : scheduler.getMountedVirtualThreadCount(),
                server.openConnections(), server.queueLength(), fds);
    }
}
