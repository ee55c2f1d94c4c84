package dev.loupe.app.scenario;

import dev.loupe.engine.scenario.InvalidScenarioException;
import dev.loupe.engine.scenario.Overrides;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioDocument;
import dev.loupe.engine.scenario.ScenarioProblem;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.server.VariantOption;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The scenario panel: the open file, the fields it shows, and whether what they say would run.
 *
 * <p>The file is kept as a {@link ScenarioDocument}, so a field the panel does not show (stages, a
 * request mix, headers, thresholds it has no field for) is saved exactly as the file had it, and a
 * field left empty goes back to its preset or default rather than being written. After every edit
 * the whole document is read as {@code loupe run} would read it (the same reader and catalog, a dry
 * run of the mapping included), and each problem lands at its field, worded by the engine; a problem
 * no field shows is listed in {@link #otherProblems()}. Confined to the FX thread (or a test's thread).
 */
public final class ScenarioEditorViewModel {
    /** The fields the panel shows, by path, with their labels, in the panel's order. */
    static final Map<String, String> FIELDS = shownFields();
    /** The first threshold field; the view heads the thresholds with a line of their own. */
    public static final String THRESHOLD_P99 = "thresholds.summary.latencyMs.p99";
    /** The keys of a file that runs several scenarios, which the dashboard does not run. */
    static final List<String> MANY_RUNS = List.of("matrix", "sweep", "load.search");

    private final ScenarioReader reader;
    private final Function<String, List<VariantOption>> optionsOf;
    private final Path newScenarioFolder;
    private final Map<String, FieldViewModel> fields = new LinkedHashMap<>();
    private final ObservableList<FieldViewModel> optionFields = FXCollections.observableArrayList();
    private final ObservableList<String> otherProblems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private ScenarioDocument document;
    private String optionsVariant;
    /** True while fields are filled from the document, so their listeners do not edit it back. */
    private boolean loading;

    /**
     * @param reader reads a document as a run would (pass one with the installed catalog)
     * @param optionsOf the options a variant takes, by its name (empty for an unknown one)
     * @param newScenarioFolder where a new, unsaved scenario's relative paths point (a body file)
     */
    public ScenarioEditorViewModel(ScenarioReader reader, Function<String, List<VariantOption>> optionsOf,
            Path newScenarioFolder) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.optionsOf = Objects.requireNonNull(optionsOf, "optionsOf");
        this.newScenarioFolder = Objects.requireNonNull(newScenarioFolder, "newScenarioFolder");
        FIELDS.forEach((path, label) -> fields.put(path, field(path, label)));
        newScenario();
    }

    private static Map<String, String> shownFields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", "Name");
        f.put("server.variant", "Variant");
        f.put("server.threads", "Threads");
        f.put("workload", "Workload");
        f.put("load.profile", "Load");
        f.put("load.model", "Model");
        f.put("load.connections", "Connections");
        f.put("load.rateRps", "Rate (req/s)");
        f.put("load.duration", "Duration");
        f.put("load.warmup", "Warm-up");
        f.put("load.keepAlive", "Keep-alive");
        f.put(THRESHOLD_P99, "p99 latency, ms (e.g. < 50)");
        f.put("thresholds.summary.errorRatePct", "Error rate, % (e.g. < 1)");
        f.put("thresholds.findings.red", "Red findings (e.g. == 0)");
        return f;
    }

    private FieldViewModel field(String path, String label) {
        FieldViewModel f = new FieldViewModel(path, label);
        f.textProperty().addListener((o, before, now) -> edited(f, now));
        return f;
    }

    // ---- what the view binds to ----

    /** A shown field by its path, e.g. {@code load.connections}. */
    public FieldViewModel field(String path) {
        FieldViewModel f = fields.get(path);
        if (f == null) {
            f = optionFields.stream().filter(o -> o.path().equals(path)).findFirst().orElse(null);
        }
        if (f == null) {
            throw new IllegalArgumentException("the panel has no field " + path);
        }
        return f;
    }

    /** The shown fields, in the panel's order, the variant's options right after the server's threads. */
    public List<FieldViewModel> fields() {
        List<FieldViewModel> all = new ArrayList<>();
        for (FieldViewModel f : fields.values()) {
            all.add(f);
            if (f.path().equals("server.threads")) {
                all.addAll(optionFields);
            }
        }
        return all;
    }

    /** The current variant's own options ({@code server.options.NAME}), rebuilt when the variant changes. */
    public ObservableList<FieldViewModel> optionFields() {
        return FXCollections.unmodifiableObservableList(optionFields);
    }

    /** Problems that belong to no shown field, each as {@code loupe validate} prints it. */
    public ObservableList<String> otherProblems() {
        return FXCollections.unmodifiableObservableList(otherProblems);
    }

    /** The file being edited; null for a new scenario that was never saved. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** Whether there are edits the file does not have yet. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The scenario as it would run; null while any field is refused. */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    /** The document as it would be saved now. */
    public ScenarioDocument document() {
        return document;
    }

    // ---- commands ----

    /** A new, unsaved scenario: virtual threads, hello, the light preset. */
    public void newScenario() {
        try {
            load(ScenarioDocument.parse(NEW_SCENARIO, "new scenario"), null);
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("the new scenario's text is a scenario", e);
        }
    }

    /**
     * Opens {@code path}.
     *
     * @throws InvalidScenarioException when it cannot be read as JSON at all (missing, a folder, a syntax
     *     error); a file that reads but breaks rules opens, with the problems at its fields
     */
    public void open(Path path) throws InvalidScenarioException {
        load(ScenarioDocument.read(path), path);
    }

    /**
     * Saves to the file it was opened from (a temporary file renamed over it).
     *
     * @throws IllegalStateException for a new scenario with no file yet (use {@link #saveAs})
     */
    public void save() throws IOException {
        Path target = file.get();
        if (target == null) {
            throw new IllegalStateException("a new scenario is saved with saveAs");
        }
        saveAs(target);
    }

    /** Saves to {@code path} (a temporary file renamed over it), which is then the file being edited. */
    public void saveAs(Path path) throws IOException {
        document.save(path);
        try {
            document = ScenarioDocument.read(path);
        } catch (InvalidScenarioException e) {
            throw new IOException("the saved file does not read back: " + e.getMessage(), e);
        }
        file.set(path);
        dirty.set(false);
    }

    // ---- the work ----

    private void load(ScenarioDocument doc, Path path) {
        document = doc;
        file.set(path);
        optionsVariant = null; // the option fields are filled afresh from this document
        loading = true;
        try {
            for (FieldViewModel f : fields.values()) {
                f.load(doc.valueAt(f.path()).orElse(""));
            }
        } finally {
            loading = false;
        }
        revalidate();
        dirty.set(false);
    }

    private void edited(FieldViewModel f, String text) {
        if (loading) {
            return;
        }
        String value = text == null ? "" : text.strip();
        try {
            document = value.isEmpty() ? document.without(f.path()) : document.with(f.path(), value);
        } catch (InvalidScenarioException e) {
            f.setProblem(e.problems().getFirst().message());
            return;
        }
        dirty.set(true);
        revalidate();
    }

    private void revalidate() {
        syncOptionFields();
        Path folder = file.get() == null ? newScenarioFolder : file.get().toAbsolutePath().getParent();
        String source = file.get() == null ? "new scenario" : file.get().getFileName().toString();
        fields().forEach(f -> f.setProblem(""));
        otherProblems.clear();
        try {
            Scenario resolved = document.resolve(reader, source, folder, Overrides.none());
            Optional<String> many = MANY_RUNS.stream().filter(k -> !document.tree().at("/" + k.replace('.', '/')).isMissingNode())
                    .findFirst();
            if (many.isPresent()) {
                scenario.set(null);
                otherProblems.add(manyRuns(many.get()));
                return;
            }
            scenario.set(resolved);
            ScenarioDocument explicit = ScenarioDocument.of(resolved, folder);
            fields().forEach(f -> f.setResolved(explicit.valueAt(f.path()).orElse("")));
        } catch (InvalidScenarioException e) {
            scenario.set(null);
            for (ScenarioProblem p : e.problems()) {
                if (MANY_RUNS.contains(p.path())) {
                    otherProblems.add(manyRuns(p.path()));
                    continue;
                }
                Optional<FieldViewModel> at = fields().stream().filter(f -> f.path().equals(p.path())).findFirst();
                if (at.isPresent() && at.get().problemProperty().get().isEmpty()) {
                    at.get().setProblem(p.message());
                } else {
                    otherProblems.add(p.toString());
                }
            }
        }
    }

    private static String manyRuns(String key) {
        return key + ": this file runs several scenarios (a " + (key.equals("load.search") ? "search" : key)
                + "), which runs from the command line (./loupe run FILE); the dashboard runs one scenario at a time";
    }

    /** The option fields of the variant the document names now, filled from the document. */
    private void syncOptionFields() {
        String variant = document.valueAt("server.variant").orElse("");
        if (variant.equals(optionsVariant)) {
            return;
        }
        optionsVariant = variant;
        List<FieldViewModel> fresh = new ArrayList<>();
        boolean wasLoading = loading;
        loading = true;
        try {
            for (VariantOption o : optionsOf.apply(variant)) {
                FieldViewModel f = field(o.path(), o.name());
                f.load(document.valueAt(o.path()).orElse(""));
                fresh.add(f);
            }
        } finally {
            loading = wasLoading;
        }
        optionFields.setAll(fresh);
    }

    private static final String NEW_SCENARIO = """
            {
              "$schema": "./scenario.schema.json",
              "name": "untitled",
              "server": {
                "variant": "virtual-threads"
              },
              "workload": "hello",
              "load": {
                "profile": "light"
              }
            }
            """;
}
