package dev.loupe.engine.chart;

import java.awt.Color;

/**
 * A chart's colours around the data, following the window's theme (AtlantaFX Primer light or dark),
 * so a chart never sits as a white box in a dark window.
 *
 * @param background behind the chart and its plot
 * @param text titles, axis labels and ticks
 * @param grid the grid lines and axis lines
 */
public record ChartTheme(Color background, Color text, Color grid) {
    public static final ChartTheme LIGHT = new ChartTheme(new Color(0xFFFFFF), new Color(0x24292F), new Color(0xD8DEE4));
    public static final ChartTheme DARK = new ChartTheme(new Color(0x0D1117), new Color(0xC9D1D9), new Color(0x30363D));
}
