/**
 * One picture of a run, for the dashboard and the reports alike: the {@link dev.loupe.engine.chart.Lane}s
 * (every series and where its value comes from), the charts that group them
 * ({@link dev.loupe.engine.chart.ChartSpec}), their colours ({@link dev.loupe.engine.chart.Palette},
 * {@link dev.loupe.engine.chart.ChartTheme}) and the JFreeChart objects built from those
 * ({@link dev.loupe.engine.chart.TimelineChart}); {@link dev.loupe.engine.chart.RunCharts} draws a finished
 * run's seconds and its latency distribution with them. Plain Java2D: the dashboard paints these charts
 * into images, the PDF and HTML reports into vector graphics.
 */
package dev.loupe.engine.chart;
