package dev.loupe.engine.telemetry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the stacks of the threads behind a late dispatch probe: the loop or the workers named by the
 * target's thread-name prefix. A stack taken this way shows the blocking frame even when the thread
 * sleeps or is parked, which JFR's execution samples (running Java code only) never do. Virtual
 * threads are not visible here; their pins come from JFR instead. Not final, so tests can count its
 * looks.
 */
class Watchdog {
    /** The most threads of one target whose stacks are taken at once (a pool may have hundreds). */
    static final int MAX_THREADS = 8;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** A stack taken: the thread, its state (with the lock it waits for), and its frames. */
    record Stack(String thread, String state, List<String> frames) {}

    /** The stacks of at most {@link #MAX_THREADS} live platform threads whose names start with {@code prefix}. */
    List<Stack> stacks(String prefix) {
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] named = threads.getThreadInfo(ids, 0);
        List<Long> matching = new ArrayList<>();
        for (ThreadInfo info : named) {
            if (info != null && info.getThreadName().startsWith(prefix) && matching.size() < MAX_THREADS) {
                matching.add(info.getThreadId());
            }
        }
        if (matching.isEmpty()) {
            return List.of();
        }
        long[] wanted = matching.stream().mapToLong(Long::longValue).toArray();
        List<Stack> stacks = new ArrayList<>(wanted.length);
        for (ThreadInfo info : threads.getThreadInfo(wanted, Frames.MAX_FRAMES)) {
            if (info != null) {
                String state = info.getThreadState().toString();
                if (info.getLockName() != null) {
                    state += " on " + info.getLockName().replaceFirst("@[0-9a-f]+$", "");
                }
                stacks.add(new Stack(info.getThreadName(), state, Frames.of(info.getStackTrace())));
            }
        }
        return stacks;
    }
}
