package dev.loupe.engine.server;

import java.util.Objects;

/**
 * One knob of a server variant, as {@code loupe variants} lists it.
 *
 * @param name the field name in the scenario's {@code server} object, e.g. {@code threads}
 * @param defaultValue the default, as text with its unit, e.g. {@code 4} or {@code 30s}
 * @param description what it changes, in one line
 */
public record Tunable(String name, String defaultValue, String description) {
    public Tunable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }
}
