package dev.loupe.engine.analysis;

import dev.loupe.engine.telemetry.Evidence;
import dev.loupe.engine.units.Numbers;
import java.util.List;
import java.util.Locale;

/** How findings write numbers and evidence: always with a unit, never locale-dependent. */
final class Text {
    /** How many frames of a stack a finding quotes. */
    static final int FRAMES = 4;

    private Text() {}

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** A time on the run's clock, in seconds: {@code 12.3 s}. */
    static String at(long ms) {
        return Numbers.seconds(ms / 1000.0);
    }

    /** The most frames quoted when the first application frame is deep in the JDK. */
    static final int MAX_FRAMES = 8;

    /**
     * The top frames of a stack, joined by {@code ← } (callee first): {@value #FRAMES} frames, or down
     * to the first frame outside the JDK (the code to fix) if that is deeper, at most {@value
     * #MAX_FRAMES}.
     */
    static String frames(List<String> frames) {
        int app = firstApplicationFrame(frames);
        int n = Math.min(frames.size(), app >= FRAMES && app < MAX_FRAMES ? app + 1 : FRAMES);
        return String.join(" ← ", frames.subList(0, n));
    }

    /** Where a stack was: its top frame, and the first frame outside the JDK that led there. */
    static String where(List<String> frames) {
        if (frames.isEmpty()) {
            return "";
        }
        String top = shortFrame(frames.getFirst());
        int app = firstApplicationFrame(frames);
        return app <= 0 ? top : top + " (from " + shortFrame(frames.get(app)) + ")";
    }

    /** The index of the first frame not in the JDK ({@code java.}, {@code jdk.}, {@code sun.}), or -1. */
    static int firstApplicationFrame(List<String> frames) {
        for (int i = 0; i < frames.size(); i++) {
            String f = frames.get(i);
            if (!(f.startsWith("java.") || f.startsWith("jdk.") || f.startsWith("sun.") || f.startsWith("javax."))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code java.lang.Thread.sleep:340} → {@code Thread.sleep}. */
    static String shortFrame(String frame) {
        int colon = frame.indexOf(':');
        String method = colon < 0 ? frame : frame.substring(0, colon);
        String[] parts = method.split("\\.");
        return parts.length < 2 ? method : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    /** One line of evidence: subject, how often, how long, and where. */
    static String evidence(Evidence e) {
        StringBuilder b = new StringBuilder(e.subject());
        if (!e.detail().isEmpty()) {
            b.append(" (").append(e.detail()).append(')');
        }
        b.append(f(": %,d times", e.events()));
        if (e.totalMs() > 0) {
            b.append(", ").append(Numbers.latencyMs(e.totalMs())).append(" in all, longest ").append(Numbers.latencyMs(e.maxMs()));
        }
        if (!e.frames().isEmpty()) {
            b.append(", at ").append(frames(e.frames()));
        }
        return b.toString();
    }

    /** The first {@code n} pieces of evidence, one per line after the numbers. */
    static String evidence(List<Evidence> list, int n) {
        StringBuilder b = new StringBuilder();
        for (Evidence e : list.subList(0, Math.min(n, list.size()))) {
            b.append("\n- ").append(evidence(e));
        }
        return b.toString();
    }

    /** {@code "1 second"}, {@code "3 seconds"}. */
    static String seconds(long n) {
        return n == 1 ? "1 second" : f("%,d seconds", n);
    }
}
