package dev.loupe.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * What a server leaves behind in this JVM: threads by name (platform and virtual alike, read from a
 * JSON thread dump, since virtual threads are invisible to ThreadMXBean) and open file descriptors.
 */
public final class ProcessResources {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessResources() {}

    /** Live threads, platform and virtual, whose name starts with the prefix. */
    public static int threadsNamed(String prefix) {
        try {
            Path dir = Files.createTempDirectory("loupe-threads");
            Path file = dir.resolve("dump.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                int count = 0;
                for (JsonNode container : JSON.readTree(file.toFile()).path("threadDump").path("threadContainers")) {
                    for (JsonNode thread : container.path("threads")) {
                        if (thread.path("name").asText().startsWith(prefix)) {
                            count++;
                        }
                    }
                }
                return count;
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits (at most {@code bound}) until a platform thread whose name starts with {@code prefix} is
     * waiting, e.g. a pool worker parked for its next task; returns whether one was.
     */
    public static boolean awaitWaitingThread(String prefix, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        do {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                Thread.State s = t.getState();
                if (t.getName().startsWith(prefix) && (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING)) {
                    return true;
                }
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** Open file descriptors of this process. */
    public static int openFileDescriptors() {
        return (int) ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getOpenFileDescriptorCount();
    }

    /** Polls until the value is at most {@code limit} or the bound passes; returns the last value. */
    public static int awaitAtMost(IntSupplier value, int limit, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        int v = value.getAsInt();
        while (v > limit && System.nanoTime() < deadline) {
            Thread.sleep(50);
            v = value.getAsInt();
        }
        return v;
    }
}
