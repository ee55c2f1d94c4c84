package dev.loupe.engine.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/**
 * The series colours, the same on every chart and in reports: throughput blue, p50 teal, p99 orange,
 * max grey (corrected solid, uncorrected dashed), heap used purple and committed light purple, GC red;
 * severity green / yellow / red.
 */
public final class Palette {
    public static final Color GREEN = new Color(0x2E7D32);
    public static final Color YELLOW = new Color(0xF9A825);
    public static final Color RED = new Color(0xC62828);

    private static final Color BLUE = new Color(0x1565C0);
    private static final Color TEAL = new Color(0x00897B);
    private static final Color ORANGE = new Color(0xEF6C00);
    private static final Color GREY = new Color(0x8A8F98);
    private static final Color PURPLE = new Color(0x7B1FA2);
    private static final Color LIGHT_PURPLE = new Color(0xCE93D8);
    private static final Color BROWN = new Color(0x8D6E63);

    private Palette() {}

    public static Color of(Lane lane) {
        return switch (lane) {
            case THROUGHPUT, CPU_PROCESS, PLATFORM_THREADS -> BLUE;
            case ERRORS, GC_PAUSES, GC_PAUSE_TOTAL, PINNED -> RED;
            case LATENCY_P50, UNCORRECTED_P50, DISPATCH_P50, VIRTUAL_THREADS -> TEAL;
            case LATENCY_P99, UNCORRECTED_P99, DISPATCH_P99, MONITOR_WAITS, SERVER_CONNECTIONS -> ORANGE;
            case LATENCY_MAX, UNCORRECTED_MAX, DISPATCH_MAX, CPU_MACHINE, CLIENT_CONNECTIONS -> GREY;
            case HEAP_USED -> PURPLE;
            case HEAP_COMMITTED -> LIGHT_PURPLE;
            case HEAP_AFTER_GC, PARKS -> BROWN;
            case GC_PAUSE_MAX -> ORANGE;
        };
    }

    /** Uncorrected latency dashed, everything else solid. */
    public static Stroke strokeOf(Lane lane) {
        return switch (lane) {
            case UNCORRECTED_P50, UNCORRECTED_P99, UNCORRECTED_MAX, CLIENT_CONNECTIONS -> new BasicStroke(1.3f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 3f}, 0f);
            default -> new BasicStroke(1.5f);
        };
    }

    /** A colour at about 12 % opacity, for a threshold band behind the series. */
    public static Color band(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 31);
    }
}
