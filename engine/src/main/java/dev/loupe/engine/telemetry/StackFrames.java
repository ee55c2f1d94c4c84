package dev.loupe.engine.telemetry;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * JFR stack traces in the {@link Frames} format, each distinct stack formatted once. JFR stores a
 * stack once per chunk in a constant pool and the parser hands out the same {@link
 * RecordedStackTrace} object for every event with that stack (measured on JDK 25: 134 lock and sample
 * events, 10 distinct stack objects), so a cache by identity turns the common case, a thread waiting
 * or running at the same place again and again, into one map lookup, and lets every event with that
 * stack share one immutable list. The cache is bounded: when full it is emptied, which also lets go
 * of stacks from chunks the stream has moved past.
 *
 * <p>Not thread-safe: used only on the JFR stream's thread.
 */
final class StackFrames {
    /** Distinct stacks kept; at most this many lists of {@link Frames#MAX_FRAMES} short strings. */
    static final int CAPACITY = 1024;

    private final Map<RecordedStackTrace, List<String>> cache = new IdentityHashMap<>();

    /** The top {@link Frames#MAX_FRAMES} frames of {@code stack}, top first; empty for no stack. */
    List<String> of(RecordedStackTrace stack) {
        if (stack == null) {
            return List.of();
        }
        List<String> frames = cache.get(stack);
        if (frames == null) {
            if (cache.size() >= CAPACITY) {
                cache.clear();
            }
            frames = format(stack);
            cache.put(stack, frames);
        }
        return frames;
    }

    /** How many stacks are cached now (for tests). */
    int size() {
        return cache.size();
    }

    private static List<String> format(RecordedStackTrace stack) {
        List<RecordedFrame> recorded = stack.getFrames();
        String[] frames = new String[Math.min(recorded.size(), Frames.MAX_FRAMES)];
        for (int i = 0; i < frames.length; i++) {
            RecordedFrame f = recorded.get(i);
            frames[i] = Frames.frame(f.getMethod().getType().getName(), f.getMethod().getName(), f.getLineNumber());
        }
        return List.of(frames);
    }
}
