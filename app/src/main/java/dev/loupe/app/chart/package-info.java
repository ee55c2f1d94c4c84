/**
 * The live charts: {@link dev.loupe.app.chart.LiveChartsView} lays them out on one shared time axis
 * and runs the one FX timer that drains the run's feed; each chart draws some lanes of the run's
 * timeline through a dataset that holds at most one least/most pair per pixel column, in the colours
 * of {@link dev.loupe.engine.chart.Palette} and the window's {@link dev.loupe.engine.chart.ChartTheme}. The
 * charts are JFreeChart, drawn with Java2D by one painter thread into images the FX thread only
 * copies in, so drawing never holds up a frame.
 */
package dev.loupe.app.chart;
