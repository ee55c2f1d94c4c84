package dev.loupe.app;

import dev.loupe.app.run.RunViewModel;
import dev.loupe.app.scenario.ScenarioEditorViewModel;
import dev.loupe.engine.scenario.InvalidScenarioException;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.server.ServerVariant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state: the scenario panel, the run, the variants a user can pick and the samples
 * a user can open. Commands report what went wrong in {@link #messageProperty()}, never as an
 * exception the view would have to show as a stack trace.
 */
public final class MainViewModel {
    /** How many recent files the Recent menu lists. */
    static final int RECENT = 8;
    private final ScenarioEditorViewModel editor;
    private final RunViewModel run;
    private final ObservableList<VariantItem> variants = FXCollections.observableArrayList();
    private final ObservableList<Sample> samples = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();

    /**
     * @param variantSource the installed variants
     * @param samplesFolder the folder of sample scenarios ({@code sample-configs/}), or null when there is none
     */
    public MainViewModel(ScenarioEditorViewModel editor, RunViewModel run, Supplier<List<ServerVariant>> variantSource,
            Path samplesFolder) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.run = Objects.requireNonNull(run, "run");
        variantSource.get().forEach(v -> variants.add(new VariantItem(v.name(), v.description())));
        if (samplesFolder != null) {
            samples.setAll(Sample.in(samplesFolder));
        }
    }

    public ScenarioEditorViewModel editor() {
        return editor;
    }

    public RunViewModel run() {
        return run;
    }

    /** The variants, by name, with their one-line explanation. */
    public ObservableList<VariantItem> variants() {
        return FXCollections.unmodifiableObservableList(variants);
    }

    /** The one-line explanation of the variant named {@code name}; empty for a name no variant has. */
    public String describeVariant(String name) {
        return variants.stream().filter(v -> v.name().equals(name == null ? "" : name.strip())).findFirst()
                .map(VariantItem::description).orElse("");
    }

    /** Scenario files opened or saved, newest first, at most {@value #RECENT}; samples are not remembered. */
    public ObservableList<Path> recentFiles() {
        return FXCollections.unmodifiableObservableList(recentFiles);
    }

    /** The recent files as remembered from before; ones that are gone are left out. */
    public void rememberRecent(List<Path> files) {
        recentFiles.setAll(files.stream().filter(Files::isRegularFile).limit(RECENT).toList());
    }

    private void recent(Path file) {
        Path p = file.toAbsolutePath().normalize();
        if (samples.stream().anyMatch(s -> s.file().toAbsolutePath().normalize().equals(p))) {
            return;
        }
        List<Path> next = new ArrayList<>(List.of(p));
        recentFiles.stream().filter(f -> !f.equals(p)).limit(RECENT - 1).forEach(next::add);
        recentFiles.setAll(next);
    }

    /** The sample scenarios, by name, with their descriptions. */
    public ObservableList<Sample> samples() {
        return FXCollections.unmodifiableObservableList(samples);
    }

    /** What the last command says went wrong; empty when it went well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether Start can be pressed: no run going, and a scenario that would run. */
    public BooleanBinding canStart() {
        return Bindings.createBooleanBinding(() -> !run.runningProperty().get() && editor.scenarioProperty().get() != null,
                run.runningProperty(), editor.scenarioProperty());
    }

    /** The window's title: Loupe, the file, a star when there are unsaved changes. */
    public StringBinding title() {
        return Bindings.createStringBinding(() -> "Loupe — "
                        + (editor.fileProperty().get() == null ? "new scenario" : editor.fileProperty().get().getFileName())
                        + (editor.dirtyProperty().get() ? " *" : ""),
                editor.fileProperty(), editor.dirtyProperty());
    }

    /** Whether leaving the open scenario (Open, New, a sample, closing) would lose edits: ask first. */
    public boolean hasUnsavedChanges() {
        return editor.dirtyProperty().get();
    }

    public void newScenario() {
        editor.newScenario();
        message.set("");
    }

    /** Opens {@code file}; a file that cannot be read says why in {@link #messageProperty()}. */
    public boolean open(Path file) {
        try {
            editor.open(file);
            message.set("");
            recent(file);
            return true;
        } catch (InvalidScenarioException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    /** Saves; a new scenario has no file yet, and the view asks for one ({@link #saveAs}). */
    public boolean save() {
        return write(null);
    }

    public boolean saveAs(Path file) {
        return write(file);
    }

    private boolean write(Path file) {
        try {
            if (file == null) {
                editor.save();
            } else {
                editor.saveAs(file);
            }
            message.set("saved " + editor.fileProperty().get());
            recent(editor.fileProperty().get());
            return true;
        } catch (IOException | IllegalStateException e) {
            message.set("not saved: " + e.getMessage());
            return false;
        }
    }

    /** Starts the scenario the panel resolved; says why when it cannot. */
    public boolean start() {
        Scenario scenario = editor.scenarioProperty().get();
        if (scenario == null) {
            message.set("the scenario has problems: the fields in red say what is expected");
            return false;
        }
        Path file = editor.fileProperty().get();
        boolean started = run.start(scenario, file == null ? "new scenario" : file.toString());
        message.set(started ? "" : run.messageProperty().get());
        return started;
    }

    public void stop() {
        run.stop();
    }

    /** One row of the variant list. */
    public record VariantItem(String name, String description) {}

    /** A sample scenario file and what its description says it teaches. */
    public record Sample(String name, Path file, String description) {
        /** The description's first sentence, for a menu line. */
        public String summary() {
            int end = description.indexOf(". ");
            return end < 0 ? description : description.substring(0, end + 1);
        }

        static List<Sample> in(Path folder) {
            List<Sample> found = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".json") && !name.endsWith(".schema.json")) {
                        found.add(new Sample(name.substring(0, name.length() - 5), f, description(f)));
                    }
                }
            } catch (IOException e) {
                return List.of();
            }
            return found;
        }

        private static String description(Path file) {
            try {
                return dev.loupe.engine.scenario.ScenarioDocument.read(file).valueAt("description").orElse("");
            } catch (InvalidScenarioException e) {
                return "";
            }
        }
    }
}
