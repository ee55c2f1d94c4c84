/**
 * The scenario panel's state: the open scenario file as a {@link
 * dev.loupe.engine.scenario.ScenarioDocument} (so saving keeps every field the panel does not show),
 * one {@link dev.loupe.app.scenario.FieldViewModel} per field the panel shows, each with the engine's
 * own message when its value is refused, and the file commands (new, open, save, save as, the
 * samples). View-models only: JavaFX properties, no controls; the view binds to them.
 */
package dev.loupe.app.scenario;
