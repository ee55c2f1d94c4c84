package dev.loupe.engine.scenario;

/**
 * How a scenario field is written in JSON, so that a value given as text ({@code --set}, a dashboard
 * field) is saved the way a person would have written it: {@code 50}, not {@code "50"}.
 */
public enum FieldType {
    /** Text in quotes, including durations ({@code "30s"}) and choices ({@code "open"}). */
    STRING,
    /** A whole number. */
    INTEGER,
    /** A number that may have a fraction. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /**
     * An object whose keys the user chooses (headers, thresholds, variant options); each value is
     * text, or for variant options a number, a flag or text.
     */
    MAP
}
