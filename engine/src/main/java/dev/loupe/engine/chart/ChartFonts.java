package dev.loupe.engine.chart;

import java.awt.Font;

/**
 * The three sizes of type a chart uses, in one family: the dashboard's is the desktop's sans-serif,
 * a report's the font it embeds (so the chart's text stays text in the PDF).
 *
 * @param title the chart's title
 * @param small axis labels, ticks, marker labels
 * @param legend the legend's items
 */
public record ChartFonts(Font title, Font small, Font legend) {
    /** The dashboard's: the desktop's sans-serif. */
    public static final ChartFonts SCREEN = of(Font.SANS_SERIF);

    /** Titles bold at 12 pt, labels at 10 pt, the legend at 9 pt, all in {@code family}. */
    public static ChartFonts of(String family) {
        return new ChartFonts(new Font(family, Font.BOLD, 12), new Font(family, Font.PLAIN, 10), new Font(family, Font.PLAIN, 9));
    }
}
