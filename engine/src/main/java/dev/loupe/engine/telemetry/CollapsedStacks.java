package dev.loupe.engine.telemetry;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * JFR stack traces as one line of a collapsed flame graph: every frame, root first, joined by
 * {@code ;}, each {@code className.method} with the frame type's suffix that async-profiler's
 * converter writes and reads back ({@code _[j]} compiled, {@code _[i]} inlined, {@code _[0]}
 * interpreted, none for native), the same mapping {@code FlameGraphs} gives the recording's frames, so a flame graph built from these lines looks like
 * one built from the recording. Cached by identity like {@link StackFrames}, and bounded the same way.
 *
 * <p>Not thread-safe: used only on the JFR stream's thread.
 */
final class CollapsedStacks {
    private final Map<RecordedStackTrace, String> cache = new IdentityHashMap<>();

    /** {@code stack} as a collapsed line without its count; empty for no stack. */
    String of(RecordedStackTrace stack) {
        if (stack == null) {
            return "";
        }
        String line = cache.get(stack);
        if (line == null) {
            if (cache.size() >= StackFrames.CAPACITY) {
                cache.clear();
            }
            line = format(stack.getFrames());
            cache.put(stack, line);
        }
        return line;
    }

    private static String format(List<RecordedFrame> frames) {
        StringBuilder line = new StringBuilder(frames.size() * 48);
        for (int i = frames.size() - 1; i >= 0; i--) {
            RecordedFrame f = frames.get(i);
            if (!line.isEmpty()) {
                line.append(';');
            }
            // a frame name never holds ';' or a space in the collapsed format: they separate frames and the count
            line.append((f.getMethod().getType().getName() + "." + f.getMethod().getName()).replace(';', ':').replace(' ', '_'))
                    .append(suffix(f.getType()));
        }
        return line.toString();
    }

    /** The converter's suffix for JFR's frame type. */
    static String suffix(String jfrType) {
        return switch (jfrType) {
            case "Interpreted" -> "_[0]";
            case "Inlined" -> "_[i]";
            case "Native" -> "";
            default -> "_[j]";
        };
    }
}
