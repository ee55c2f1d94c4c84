package dev.loupe.engine.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON document that remembers where each value was written, so that every problem can name its
 * line and column. Built from Jackson's streaming parser (its tree model drops locations).
 * Immutable once parsed.
 */
sealed interface Json {

    /** A number as JSON writes it: {@code 8}, {@code -0.5}, {@code 1e6}. */
    Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /** 1-based line and column of a value's first character. */
    record Position(int line, int column) {}

    Position position();

    /** The value as the user wrote it, shortened: {@code "ten"}, {@code 5}, <code>{...}</code>. */
    String shown();

    /** An object's field: its name, where the name was written, and its value. */
    record Member(String name, Position namePosition, Json value) {}

    record Obj(Map<String, Member> members, Position position) implements Json {
        public String shown() {
            return "{...}";
        }
    }

    record Arr(List<Json> items, Position position) implements Json {
        public String shown() {
            return "[...]";
        }
    }

    record Str(String value, Position position) implements Json {
        public String shown() {
            return FieldChecks.quote(value);
        }
    }

    /** A number, kept as written so nothing is lost before the reader knows the field's type. */
    record Num(String text, Position position) implements Json {
        public String shown() {
            return text;
        }

        BigDecimal decimal() {
            return new BigDecimal(text);
        }
    }

    record Bool(boolean value, Position position) implements Json {
        public String shown() {
            return Boolean.toString(value);
        }
    }

    record Null(Position position) implements Json {
        public String shown() {
            return "null";
        }
    }

    /**
     * Parses a whole document, which must be one JSON object. Duplicate field names are added to
     * {@code problems} (the later value is kept) so the reader can go on and find the rest.
     *
     * @throws InvalidScenarioException on a syntax error, which ends the reading: one problem with its place
     */
    static Obj parse(byte[] document, String source, List<ScenarioProblem> problems) throws InvalidScenarioException {
        try (JsonParser p = Parsing.FACTORY.createParser(document)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw Parsing.syntax(source, new Position(1, 1), "the file is empty (expected: a JSON object, {...})");
            }
            Json root = Parsing.value(p, "", source, problems);
            if (!(root instanceof Obj object)) {
                throw Parsing.syntax(source, root.position(), root.shown() + " (expected: a JSON object, {...})");
            }
            if (p.nextToken() != null) {
                throw Parsing.syntax(source, Parsing.here(p),
                        "more after the scenario's closing } (expected: the end of the file)");
            }
            return object;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Position where = at == null ? new Position(0, 0) : new Position(at.getLineNr(), at.getColumnNr());
            throw Parsing.syntax(source, where, "JSON syntax error: " + Parsing.plain(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidScenarioException(List.of(new ScenarioProblem(source, 0, 0, "", "cannot be read: " + e)));
        }
    }

    /** The parser's machinery, kept out of the interface's public face. */
    final class Parsing {
        static final JsonFactory FACTORY = JsonFactory.builder().build();
        private static final Pattern SOURCE_REF =
                Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

        private Parsing() {}

        static Json value(JsonParser p, String path, String source, List<ScenarioProblem> problems) throws IOException {
            Position at = here(p);
            JsonToken token = p.currentToken();
            return switch (token) {
                case START_OBJECT -> {
                    Map<String, Member> members = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        Position nameAt = here(p);
                        String childPath = path.isEmpty() ? name : path + "." + name;
                        p.nextToken();
                        Json child = value(p, childPath, source, problems);
                        Member earlier = members.remove(name);
                        if (earlier != null) {
                            problems.add(new ScenarioProblem(source, nameAt.line(), nameAt.column(), childPath,
                                    "this field is given twice (also at line " + earlier.namePosition().line()
                                            + ", column " + earlier.namePosition().column() + "; expected: once)"));
                        }
                        members.put(name, new Member(name, nameAt, child));
                    }
                    yield new Obj(Collections.unmodifiableMap(members), at);
                }
                case START_ARRAY -> {
                    List<Json> items = new ArrayList<>();
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        items.add(value(p, path + "[" + i++ + "]", source, problems));
                    }
                    yield new Arr(List.copyOf(items), at);
                }
                case VALUE_STRING -> new Str(p.getText(), at);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Num(p.getText(), at);
                case VALUE_TRUE -> new Bool(true, at);
                case VALUE_FALSE -> new Bool(false, at);
                case VALUE_NULL -> new Null(at);
                default -> throw new IllegalStateException("unexpected JSON token " + token + " at " + at);
            };
        }

        static Position here(JsonParser p) {
            JsonLocation l = p.currentTokenLocation();
            return new Position(l.getLineNr(), l.getColumnNr());
        }

        static InvalidScenarioException syntax(String source, Position at, String message) {
            return new InvalidScenarioException(List.of(new ScenarioProblem(source, at.line(), at.column(), "", message)));
        }

        /** Jackson's message without its internal source references, which name a byte array. */
        static String plain(String message) {
            String text = message == null ? "unknown error" : message;
            Matcher m = SOURCE_REF.matcher(text);
            text = m.replaceAll(r -> "line " + r.group(1) + ", column " + r.group(2));
            text = text.replace(" (code ", " (character ").strip();
            if (text.startsWith("Unexpected character ('}'") && text.contains("double-quote to start field name")
                    || text.startsWith("Unexpected character (']'") && text.contains("expected a value")) {
                text += " (JSON allows no comma before a closing } or ])";
            } else if (text.matches("Unexpected character \\('[A-Za-z_$']'.*") && text.contains("double-quote to start field name")) {
                text += " (field names need double quotes in JSON)";
            } else if (text.contains("maybe a (non-standard) comment?")) {
                text = "Unexpected character ('/'): JSON has no comments (the \"description\" field can hold notes)";
            }
            return text;
        }
    }
}
