package dev.loupe.engine.telemetry;

import java.util.ArrayList;
import java.util.List;

/**
 * Stack frames as evidence writes them: {@code java.lang.Thread.sleep:512}, top (innermost) frame
 * first, at most {@link #MAX_FRAMES} of them, the line left off when unknown. One format for JFR
 * stacks and the watchdog's thread stacks, so the same frame is the same string wherever it came from.
 */
public final class Frames {
    /** The most frames kept of one stack: enough to see the blocking call and the handler that made it. */
    public static final int MAX_FRAMES = 24;

    private Frames() {}

    /** One frame: {@code className.method:line}, or {@code className.method} when {@code line} ≤ 0. */
    public static String frame(String className, String method, int line) {
        String base = className + "." + method;
        return line > 0 ? base + ":" + line : base;
    }

    /** The top {@link #MAX_FRAMES} frames of a thread's stack. */
    public static List<String> of(StackTraceElement[] stack) {
        List<String> frames = new ArrayList<>(Math.min(stack.length, MAX_FRAMES));
        for (int i = 0; i < stack.length && i < MAX_FRAMES; i++) {
            StackTraceElement e = stack[i];
            frames.add(frame(e.getClassName(), e.getMethodName(), e.getLineNumber()));
        }
        return List.copyOf(frames);
    }
}
