package dev.loupe.engine.server;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One of a variant's own tunables, set as {@code server.options.NAME} in a scenario file or {@code
 * loupe serve -o NAME=VALUE}: its name, default and meaning for people (and the dashboard's fields),
 * and the values it takes. {@link #check} is the one place such a value is judged, whether a scenario
 * is validated, admitted before a run, or read by the variant as it starts.
 *
 * @param name the option's name, e.g. {@code workers}
 * @param defaultValue the default as people read it, e.g. {@code 1024} or {@code 2 x threads}
 * @param description what it changes, in one line
 * @param values the values it takes
 */
public record VariantOption(String name, String defaultValue, String description, Values values) {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");

    public VariantOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(values, "values");
    }

    /** The values an option takes. */
    public sealed interface Values {
        /** The rule, for messages and help: {@code a whole number 1..10000}. */
        String expected();

        /** Whether {@code text} (already stripped) is one of these values. */
        boolean accepts(String text);
    }

    /** A whole number within {@code min..max}, both included. */
    public record WholeNumber(int min, int max) implements Values {
        @Override
        public String expected() {
            return "a whole number " + min + ".." + max;
        }

        @Override
        public boolean accepts(String text) {
            if (!WHOLE_NUMBER.matcher(text).matches()) {
                return false;
            }
            long value = Long.parseLong(text);
            return value >= min && value <= max;
        }
    }

    /** One word of a fixed list. */
    public record OneOf(List<String> choices) implements Values {
        public OneOf {
            choices = List.copyOf(choices);
        }

        @Override
        public String expected() {
            return "one of " + String.join(", ", choices);
        }

        @Override
        public boolean accepts(String text) {
            return choices.contains(text);
        }
    }

    /** An option that takes a whole number within {@code min..max}. */
    public static VariantOption wholeNumber(String name, String defaultValue, int min, int max, String description) {
        return new VariantOption(name, defaultValue, description, new WholeNumber(min, max));
    }

    /** An option that takes one of {@code choices}. */
    public static VariantOption oneOf(String name, String defaultValue, List<String> choices, String description) {
        return new VariantOption(name, defaultValue, description, new OneOf(choices));
    }

    /** The field path in a scenario file: {@code server.options.workers}. */
    public String path() {
        return "server.options." + name;
    }

    /**
     * The value, stripped, if this option takes it.
     *
     * @param variant the variant's name, which the message names
     * @throws IllegalArgumentException like {@code server.options.workers: "0" (expected: a whole number
     *     1..10000, for event-loop-offload)}
     */
    public String check(String variant, String text) {
        String value = text == null ? "" : text.strip();
        if (!values.accepts(value)) {
            throw new IllegalArgumentException(path() + ": \"" + text + "\" (expected: " + values.expected()
                    + ", for " + variant + ")");
        }
        return value;
    }

    /** The option's value in {@code config} as a number, or {@code fallback} when unset (checked first). */
    public int intValue(String variant, ServerConfig config, int fallback) {
        String text = config.options().get(name);
        return text == null ? fallback : Integer.parseInt(check(variant, text));
    }

    /** The option's value in {@code config}, or {@code fallback} when unset (checked first). */
    public String textValue(String variant, ServerConfig config, String fallback) {
        String text = config.options().get(name);
        return text == null ? fallback : check(variant, text);
    }
}
