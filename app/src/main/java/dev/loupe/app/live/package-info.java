/**
 * What the live charts hold, without a window: {@link dev.loupe.app.live.LiveFeed} is the one bounded
 * buffer the run's threads write into and the FX timer drains; {@link dev.loupe.app.live.LiveTimeline}
 * keeps one bounded {@link dev.loupe.app.live.Ring} per {@link dev.loupe.engine.chart.Lane} on the run's
 * clock, and says what the status lamp shows ({@link dev.loupe.app.live.DelayLamp}). The views turn
 * rings into chart datasets, at most one least/most pair per pixel column.
 */
package dev.loupe.app.live;
