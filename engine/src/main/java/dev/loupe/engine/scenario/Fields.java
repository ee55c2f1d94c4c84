package dev.loupe.engine.scenario;

import dev.loupe.engine.units.Durations;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the fields of one object of a scenario file, each in the resolution order: the command
 * line's value, else the file's, else the fallback the caller passes (a preset's value or a
 * default). A value of the wrong type is reported and replaced by the fallback, so reading goes on
 * and finds the other problems. {@link #finish()} reports the fields nobody asked for.
 */
final class Fields {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private final Resolution r;
    private final String path;
    private final Json.Obj object;
    private final Json.Position position;
    private final Set<String> asked = new LinkedHashSet<>();

    /**
     * @param path this object's path, e.g. {@code load}; empty for the file's root
     * @param object the object, or {@code null} when the file does not have it
     * @param position where the object is, or where its parent is when the file does not have it
     */
    Fields(Resolution r, String path, Json.Obj object, Json.Position position) {
        this.r = r;
        this.path = path;
        this.object = object;
        this.position = position;
    }

    String path() {
        return path;
    }

    Json.Position position() {
        return position;
    }

    String childPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A type mismatch: what the field expected instead. */
    private static final class Mismatch extends Exception {
        private static final long serialVersionUID = 1L;

        Mismatch(String expected) {
            super(expected, null, false, false);
        }
    }

    /** How to read one type of value from the file's JSON and from command-line text. */
    private interface Kind<T> {
        T fromJson(Json json) throws Mismatch;

        T fromText(String text) throws Mismatch;

        /** How a command-line value is shown in a message. */
        default String showText(String text) {
            return FieldChecks.quote(text);
        }

        /** How the value is written in JSON. */
        default FieldType type() {
            return FieldType.STRING;
        }
    }

    private static final Kind<String> TEXT = new Kind<>() {
        public String fromJson(Json json) throws Mismatch {
            if (json instanceof Json.Str s) {
                return s.value();
            }
            throw new Mismatch("a string, in quotes");
        }

        public String fromText(String text) {
            return text;
        }
    };

    private static final Kind<Integer> INTEGER = new Kind<>() {
        public Integer fromJson(Json json) throws Mismatch {
            if (json instanceof Json.Num n) {
                return whole(n.decimal());
            }
            throw new Mismatch(json instanceof Json.Str s && looksNumeric(s.value())
                    ? "an integer, without quotes" : "an integer");
        }

        public Integer fromText(String text) throws Mismatch {
            if (!looksNumeric(text)) {
                throw new Mismatch("an integer");
            }
            return whole(new BigDecimal(text.strip()));
        }

        public String showText(String text) {
            return looksNumeric(text) ? text.strip() : FieldChecks.quote(text);
        }

        public FieldType type() {
            return FieldType.INTEGER;
        }

        /** Out-of-range integers are clamped so that the record reports its own bounds. */
        private Integer whole(BigDecimal value) throws Mismatch {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > 0) {
                throw new Mismatch("an integer");
            }
            if (stripped.precision() - stripped.scale() > 12) { // e.g. 1e999999999: clamp without expanding it
                return stripped.signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            BigInteger big = stripped.toBigIntegerExact();
            return big.max(INT_MIN).min(INT_MAX).intValue();
        }
    };

    private static final Kind<Double> NUMBER = new Kind<>() {
        public Double fromJson(Json json) throws Mismatch {
            if (json instanceof Json.Num n) {
                return n.decimal().doubleValue();
            }
            throw new Mismatch(json instanceof Json.Str s && looksNumeric(s.value())
                    ? "a number, without quotes" : "a number");
        }

        public Double fromText(String text) throws Mismatch {
            if (!looksNumeric(text)) {
                throw new Mismatch("a number");
            }
            return new BigDecimal(text.strip()).doubleValue();
        }

        public String showText(String text) {
            return looksNumeric(text) ? text.strip() : FieldChecks.quote(text);
        }

        public FieldType type() {
            return FieldType.NUMBER;
        }
    };

    private static final Kind<Boolean> FLAG = new Kind<>() {
        public Boolean fromJson(Json json) throws Mismatch {
            if (json instanceof Json.Bool b) {
                return b.value();
            }
            throw new Mismatch("true or false, without quotes");
        }

        public Boolean fromText(String text) throws Mismatch {
            return switch (text.strip()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new Mismatch("true or false");
            };
        }

        public FieldType type() {
            return FieldType.BOOLEAN;
        }
    };

    private static final Kind<Duration> DURATION = new Kind<>() {
        public Duration fromJson(Json json) throws Mismatch {
            if (json instanceof Json.Str s) {
                return fromText(s.value());
            }
            throw new Mismatch(json instanceof Json.Num
                    ? "a duration in quotes with a unit, e.g. \"30s\" or \"250ms\"" : Durations.EXPECTED);
        }

        public Duration fromText(String text) throws Mismatch {
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                throw new Mismatch(message.substring(message.indexOf("(expected: ") + 11, message.length() - 1));
            }
        }
    };

    private static <E extends Enum<E>> Kind<E> choice(E[] values) {
        return new Kind<>() {
            public E fromJson(Json json) throws Mismatch {
                if (json instanceof Json.Str s) {
                    return fromText(s.value());
                }
                throw new Mismatch(expected(""));
            }

            public E fromText(String text) throws Mismatch {
                for (E value : values) {
                    if (value.toString().equals(text)) {
                        return value;
                    }
                }
                throw new Mismatch(expected(text));
            }

            private String expected(String typed) {
                List<String> names = Arrays.stream(values).map(Object::toString).toList();
                String hint = typed.isEmpty() ? "" : Suggestions.didYouMean(typed, names);
                return "one of " + String.join(", ", names) + (hint.isEmpty() ? "" : "; " + hint);
            }
        };
    }

    private static boolean looksNumeric(String text) {
        return text.strip().matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    }

    String text(String name, String fallback) {
        return value(name, fallback, TEXT);
    }

    int integer(String name, int fallback) {
        return value(name, fallback, INTEGER);
    }

    /** A number; pass {@code Double.NaN} as the fallback of a required one (records show NaN as missing). */
    double number(String name, double fallback) {
        return value(name, fallback, NUMBER);
    }

    boolean flag(String name, boolean fallback) {
        return value(name, fallback, FLAG);
    }

    Duration duration(String name, Duration fallback) {
        return value(name, fallback, DURATION);
    }

    <E extends Enum<E>> E choice(String name, E[] values, E fallback) {
        return value(name, fallback, choice(values));
    }

    private <T> T value(String name, T fallback, Kind<T> kind) {
        String child = childPath(name);
        asked.add(name);
        r.askedValue(child, kind.type());
        Optional<String> explicit = r.takeOverride(child);
        if (explicit.isPresent()) {
            String text = explicit.get();
            r.explicit(child, kind.showText(text));
            try {
                return kind.fromText(text);
            } catch (Mismatch m) {
                r.report(child, position, kind.showText(text), m.getMessage());
                return fallback;
            }
        }
        Json json = member(name);
        if (json == null) {
            return fallback;
        }
        r.written(child, json.position(), json.shown());
        try {
            return kind.fromJson(json);
        } catch (Mismatch m) {
            r.report(child, json.position(), json.shown(), m.getMessage());
            return fallback;
        }
    }

    /** Where the file writes {@code name}'s value, or this object's position. */
    Json.Position positionOf(String name) {
        Json json = member(name);
        return json == null ? position : json.position();
    }

    /** The nested object {@code name}; an absent one reads as empty. */
    Fields object(String name) {
        String child = childPath(name);
        asked.add(name);
        r.askedContainer(child);
        Json json = member(name);
        if (json == null) {
            return new Fields(r, child, null, position);
        }
        if (json instanceof Json.Obj o) {
            r.placed(child, o.position());
            return new Fields(r, child, o, o.position());
        }
        r.report(child, json.position(), json.shown(), "an object, {...}");
        r.broken(child);
        return new Fields(r, child, null, json.position());
    }

    /**
     * The list of objects {@code name}, empty when absent. A list that is not one, or has an entry
     * that is not an object, is reported and its path counts as failed.
     */
    List<Fields> objects(String name) {
        String child = childPath(name);
        asked.add(name);
        r.askedContainer(child);
        r.askedContainer(child + "[]");
        Json json = member(name);
        if (json == null) {
            return List.of();
        }
        if (!(json instanceof Json.Arr array)) {
            r.report(child, json.position(), json.shown(), "a list of objects, [{...}]");
            r.broken(child);
            return List.of();
        }
        r.placed(child, json.position());
        List<Fields> items = new ArrayList<>();
        for (int i = 0; i < array.items().size(); i++) {
            Json item = array.items().get(i);
            String itemPath = child + "[" + i + "]";
            if (item instanceof Json.Obj o) {
                items.add(new Fields(r, itemPath, o, o.position()));
            } else {
                r.report(itemPath, item.position(), item.shown(), "an object, {...}");
                r.markFailed(child);
            }
        }
        return items;
    }

    /**
     * A map entry: its key, its value (JSON from the file, or a string from the command line), and
     * where the key was written.
     */
    record Entry(String key, Json value, Json.Position keyPosition, boolean explicit) {}

    /**
     * The map {@code name} (keys chosen by the user: headers, thresholds): the file's entries,
     * then those set on the command line as {@code name.KEY=value}, which replace the file's.
     */
    Map<String, Entry> entries(String name) {
        String child = childPath(name);
        asked.add(name);
        r.askedContainer(child);
        r.askedMap(child);
        Map<String, Entry> entries = new LinkedHashMap<>();
        Json json = member(name);
        if (json instanceof Json.Obj o) {
            r.placed(child, o.position());
            o.members().values().forEach(m -> entries.put(m.name(), new Entry(m.name(), m.value(), m.namePosition(), false)));
        } else if (json != null) {
            r.report(child, json.position(), json.shown(), "an object, {...}");
            r.broken(child);
        }
        r.takeOverridesBelow(child).forEach((key, text) ->
                entries.put(key, new Entry(key, new Json.Str(text, Resolution.nowhere()), Resolution.nowhere(), true)));
        return entries;
    }

    /** The member {@code name} as written, for a field whose values another reader takes (a sweep's values); null when absent. */
    Json raw(String name) {
        asked.add(name);
        r.askedContainer(childPath(name));
        return member(name);
    }

    /** Reports the fields of this object that no one asked for, with the nearest known name. */
    void finish() {
        if (object == null) {
            return;
        }
        for (Json.Member m : object.members().values()) {
            if (!asked.contains(m.name())) {
                String hint = Suggestions.didYouMean(m.name(), asked);
                r.at(m.namePosition(), childPath(m.name()), "unknown field ("
                        + (hint.isEmpty()
                                ? "expected one of: " + asked.stream().filter(n -> !n.startsWith("$")).collect(Collectors.joining(", "))
                                : hint)
                        + ")");
            }
        }
    }

    private Json member(String name) {
        if (object == null) {
            return null;
        }
        Json.Member m = object.members().get(name);
        return m == null ? null : m.value();
    }
}
