/**
 * The dashboard measuring itself: {@link dev.loupe.app.health.UiHealth} keeps the gaps between JavaFX
 * pulses and the chart timer's late ticks while a run is shown, and writes them as
 * {@code ui-health.json} into the run folder, so "the UI kept up" is a number, not an impression.
 */
package dev.loupe.app.health;
