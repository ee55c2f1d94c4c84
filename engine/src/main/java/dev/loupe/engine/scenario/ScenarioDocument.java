package dev.loupe.engine.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario file as its author wrote it, so that an editor (the dashboard) changes only what the
 * user changed: fields it never touches (stages, a request mix, headers, a field it does not show)
 * are kept exactly, none are added, and a value is saved the way a person writes it ({@code 50}, not
 * {@code "50"}). {@link #with} and {@link #without} return a new document; {@link #save} writes a
 * temporary file and renames it, so the file on disk is the old one or the new one, never half of
 * either. An unchanged document saves its original text. Resolving it is the reader's work ({@link
 * #resolve}). Immutable.
 */
public final class ScenarioDocument {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INDEXED = Pattern.compile("([A-Za-z$][A-Za-z0-9]*)\\[(\\d+)]");
    /** How each field is written; the same for every document. */
    private static final Map<String, FieldType> TYPES = ScenarioReader.fieldTypes();

    private final ObjectNode tree;
    /** The text as read, while nothing changed; empty after an edit. */
    private final Optional<String> original;

    private ScenarioDocument(ObjectNode tree, Optional<String> original) {
        this.tree = tree;
        this.original = original;
    }

    /**
     * The document in {@code json}; only its syntax is checked (the reader checks the rest).
     *
     * @param source the name problems give, e.g. the file name
     * @throws InvalidScenarioException naming the line and column of a syntax error
     */
    public static ScenarioDocument parse(String json, String source) throws InvalidScenarioException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Json.parse(bytes, source, new ArrayList<>()); // throws, located, on a syntax error or a non-object
        try {
            return new ScenarioDocument((ObjectNode) JSON.readTree(bytes), Optional.of(json));
        } catch (IOException e) {
            throw new UncheckedIOException("text that parsed once parses again", e);
        }
    }

    /**
     * The scenario file {@code file}.
     *
     * @throws InvalidScenarioException when it is missing, a folder, unreadable, too large or not JSON
     */
    public static ScenarioDocument read(Path file) throws InvalidScenarioException {
        return parse(new String(ScenarioReader.bytesOf(file), StandardCharsets.UTF_8), file.toString());
    }

    /** A new document holding every value of {@code scenario} explicitly, as {@link ScenarioWriter} writes it. */
    public static ScenarioDocument of(Scenario scenario, Path folder) {
        try {
            return parse(ScenarioWriter.withSchema("./scenario.schema.json").toJson(scenario, folder), "new scenario");
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("the writer writes what the reader reads", e);
        }
    }

    /**
     * This document with {@code value} at {@code path} (the path {@code --set} takes, e.g. {@code
     * load.connections}, {@code server.options.workers}, {@code thresholds.summary.latencyMs.p99},
     * {@code load.mix[1].weight}), written in the field's JSON type; objects on the way are created.
     *
     * @throws InvalidScenarioException when no field has that path, or a list has no such entry
     */
    public ScenarioDocument with(String path, String value) throws InvalidScenarioException {
        Objects.requireNonNull(value, "value");
        ObjectNode copy = tree.deepCopy();
        Target target = locate(copy, path, true);
        target.parent.set(target.key, node(target.type, target.normalised, value));
        return new ScenarioDocument(copy, Optional.empty());
    }

    /**
     * This document without the field at {@code path}, which then takes its preset's or default value.
     * An object left empty by it is removed too. A path the document does not hold changes nothing.
     *
     * @throws InvalidScenarioException when no field has that path
     */
    public ScenarioDocument without(String path) throws InvalidScenarioException {
        ObjectNode copy = tree.deepCopy();
        Target target = locate(copy, path, false);
        if (target == null || !target.parent.has(target.key)) {
            return this;
        }
        target.parent.remove(target.key);
        pruneEmpty(copy, path);
        return new ScenarioDocument(copy, Optional.empty());
    }

    /** The value the file gives {@code path}, as text ({@code 50}, {@code 30s}); empty when it gives none. */
    public Optional<String> valueAt(String path) {
        try {
            Target target = locate(tree, path, false);
            if (target == null) {
                return Optional.empty();
            }
            JsonNode value = target.parent.get(target.key);
            return value == null || value.isContainerNode() ? Optional.empty() : Optional.of(value.asText());
        } catch (InvalidScenarioException e) {
            return Optional.empty();
        }
    }

    /** Whether this document says anything different from the text it was read from. */
    public boolean changed() {
        return original.isEmpty();
    }

    /** The document's text: the original while unchanged, else pretty JSON with two-space indents. */
    public String toJson() {
        if (original.isPresent()) {
            return original.get();
        }
        try {
            return JSON.writer(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                            .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n")))
                    .writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a tree always writes", e);
        }
    }

    /** The document as JSON values, for comparing two documents as JSON. */
    public JsonNode tree() {
        return tree.deepCopy();
    }

    /**
     * Writes the document to {@code file}, atomically: a temporary file in the same folder, then a
     * rename over {@code file}.
     *
     * @throws IOException when the folder is missing or not writable; {@code file} is then unchanged
     */
    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file.toAbsolutePath(), toJson());
    }

    /**
     * The scenario this document describes, resolved by {@code reader}, with {@code overrides} on top.
     *
     * @param baseDir the folder a {@code bodyFile} is relative to (the file's own)
     */
    public Scenario resolve(ScenarioReader reader, String source, Path baseDir, Overrides overrides)
            throws InvalidScenarioException {
        return reader.read(toJson(), source, baseDir, overrides);
    }

    // ---- paths ----

    /** Where a path's value lives: its parent object, its key there, its type. */
    private record Target(ObjectNode parent, String key, String normalised, FieldType type) {}

    /**
     * Walks {@code path} from the root, creating objects on the way when {@code create}.
     *
     * @return the target, or null when an object on the way is absent and {@code create} is false
     */
    private static Target locate(ObjectNode root, String path, boolean create) throws InvalidScenarioException {
        String[] segments = path.split("\\.", -1);
        ObjectNode at = root;
        StringBuilder normalised = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            Matcher indexed = INDEXED.matcher(segment);
            String name = indexed.matches() ? indexed.group(1) : segment;
            String here = (normalised.isEmpty() ? "" : normalised + ".") + name + (indexed.matches() ? "[]" : "");
            FieldType type = TYPES.get(here);
            boolean last = i == segments.length - 1;
            if (type == FieldType.MAP && !indexed.matches() && !last) {
                ObjectNode map = child(at, name, create, path);
                String key = String.join(".", List.of(segments).subList(i + 1, segments.length));
                return map == null ? null : new Target(map, key, here, FieldType.MAP);
            }
            if (last && !indexed.matches()) {
                if (type == null || type == FieldType.MAP) {
                    throw unknown(path);
                }
                return new Target(at, name, here, type);
            }
            if (!isContainer(here)) {
                throw unknown(path);
            }
            if (indexed.matches()) {
                JsonNode list = at.get(name);
                int index = Integer.parseInt(indexed.group(2));
                if (!(list instanceof ArrayNode array) || index >= array.size() || !(array.get(index) instanceof ObjectNode)) {
                    throw new InvalidScenarioException(List.of(new ScenarioProblem(Overrides.SOURCE, 0, 0, path,
                            "no such entry in the file's list (expected: an index the file has, counting from 0)")));
                }
                at = (ObjectNode) array.get(index);
            } else {
                at = child(at, name, create, path);
                if (at == null) {
                    return null;
                }
            }
            normalised.setLength(0);
            normalised.append(here);
        }
        throw unknown(path);
    }

    private static boolean isContainer(String normalised) {
        String prefix = normalised + ".";
        return TYPES.keySet().stream().anyMatch(p -> p.startsWith(prefix));
    }

    private static ObjectNode child(ObjectNode at, String name, boolean create, String path) throws InvalidScenarioException {
        JsonNode existing = at.get(name);
        if (existing instanceof ObjectNode o) {
            return o;
        }
        if (existing != null) {
            throw new InvalidScenarioException(List.of(new ScenarioProblem(Overrides.SOURCE, 0, 0, path,
                    "the file holds " + existing.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                            + " where an object is expected (expected: fix the file first)")));
        }
        return create ? at.putObject(name) : null;
    }

    private static InvalidScenarioException unknown(String path) {
        return new InvalidScenarioException(List.of(new ScenarioProblem(Overrides.SOURCE, 0, 0, path,
                "unknown field (expected: a field path such as load.connections)")));
    }

    /** A value written as a person would write it in this field. */
    private static JsonNode node(FieldType type, String normalised, String text) {
        String stripped = text.strip();
        boolean numeric = Json.NUMBER.matcher(stripped).matches();
        return switch (type) {
            case INTEGER, NUMBER -> numeric ? NODES.numberNode(new BigDecimal(stripped)) : NODES.textNode(text);
            case BOOLEAN -> stripped.equals("true") || stripped.equals("false")
                    ? NODES.booleanNode(Boolean.parseBoolean(stripped)) : NODES.textNode(text);
            case MAP -> normalised.equals("server.options") && numeric ? NODES.numberNode(new BigDecimal(stripped))
                    : normalised.equals("server.options") && (stripped.equals("true") || stripped.equals("false"))
                            ? NODES.booleanNode(Boolean.parseBoolean(stripped))
                            : NODES.textNode(text);
            case STRING -> NODES.textNode(text);
        };
    }

    /** Removes objects on {@code path}'s way that its removal left empty, deepest first. */
    private static void pruneEmpty(ObjectNode root, String path) {
        List<String> segments = List.of(path.split("\\."));
        for (int depth = segments.size() - 1; depth > 0; depth--) {
            JsonNode parent = root;
            for (String s : segments.subList(0, depth - 1)) {
                parent = parent == null ? null : parent.get(s);
            }
            String name = segments.get(depth - 1);
            if (parent instanceof ObjectNode p && p.get(name) instanceof ObjectNode o && o.isEmpty()) {
                p.remove(name);
            } else {
                return;
            }
        }
    }
}
