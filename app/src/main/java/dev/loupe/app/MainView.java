package dev.loupe.app;

import dev.loupe.app.scenario.FieldViewModel;
import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.units.Numbers;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The main window's layout, as UI.md sketches it: the toolbar (files, samples, Start and Stop), the
 * scenario panel on the left, what the clients see now in the middle, the findings on the right and
 * the status bar below. It binds to {@link MainViewModel} and holds no state of its own; the file
 * dialogs and the unsaved-changes question are {@link LoupeApp}'s, reached through {@link Actions}.
 */
final class MainView {
    /** What the window does for the view: the dialogs that need a stage. */
    interface Actions {
        void open();

        void saveAs();

        /** Runs {@code then} once the user has agreed to lose unsaved edits (or there are none). */
        void afterAskingToDiscard(Runnable then);
    }

    private final BorderPane root = new BorderPane();

    MainView(MainViewModel model, Actions actions) {
        root.setTop(toolbar(model, actions));
        root.setLeft(scenarioPanel(model));
        root.setCenter(live(model));
        root.setRight(findings(model));
        root.setBottom(statusBar(model));
    }

    Parent root() {
        return root;
    }

    /** Presses the toolbar button with this id, as a shortcut does; a disabled button stays unpressed. */
    void fire(String id) {
        if (root.lookup("#" + id) instanceof Button b && !b.isDisabled()) {
            b.fire();
        }
    }

    private static HBox toolbar(MainViewModel model, Actions actions) {
        Label title = new Label("Loupe");
        title.setId("title");
        title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        Button newButton = button("New", "Start a new scenario (virtual threads, hello, light)", "new");
        newButton.setOnAction(e -> actions.afterAskingToDiscard(model::newScenario));
        Button open = button("Open…", "Open a scenario file (Ctrl+O)", "open");
        open.setOnAction(e -> actions.afterAskingToDiscard(actions::open));
        Button save = button("Save", "Save the scenario to its file (Ctrl+S)", "save");
        save.setOnAction(e -> {
            if (model.editor().fileProperty().get() == null) {
                actions.saveAs();
            } else {
                model.save();
            }
        });
        Button saveAs = button("Save As…", "Save the scenario to another file", "saveAs");
        saveAs.setOnAction(e -> actions.saveAs());
        MenuButton samples = new MenuButton("Samples");
        samples.setId("samples");
        samples.setTooltip(new Tooltip("Scenarios that each teach one thing; their descriptions say what"));
        for (MainViewModel.Sample s : model.samples()) {
            MenuItem item = new MenuItem(s.name());
            item.setId("sample-" + s.name());
            item.setOnAction(e -> actions.afterAskingToDiscard(() -> model.open(s.file())));
            samples.getItems().add(item);
        }
        Label file = new Label();
        file.setId("fileName");
        file.textProperty().bind(model.title());
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        Button start = button("▶ Start", "Run the scenario in this JVM and write its run folder (Ctrl+R)", "start");
        start.disableProperty().bind(model.canStart().not());
        start.setOnAction(e -> model.start());
        Button stop = button("■ Stop", "Stop the run; its run folder is still written (Esc)", "stop");
        stop.disableProperty().bind(model.run().runningProperty().not());
        stop.setOnAction(e -> model.stop());
        HBox bar = new HBox(8, title, newButton, open, save, saveAs, samples, file, space, start, stop);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        return bar;
    }

    private static Button button(String text, String tip, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static ScrollPane scenarioPanel(MainViewModel model) {
        VBox rows = new VBox(6);
        rows.setPadding(new Insets(8, 12, 8, 12));
        rows.setPrefWidth(300);
        Label heading = new Label("SCENARIO");
        heading.setStyle("-fx-font-weight: bold;");
        rows.getChildren().add(heading);
        VBox fields = new VBox(6);
        Runnable layout = () -> {
            fields.getChildren().clear();
            for (FieldViewModel f : model.editor().fields()) {
                fields.getChildren().add(fieldRow(model, f));
            }
        };
        layout.run();
        model.editor().optionFields().addListener((ListChangeListener<FieldViewModel>) c -> layout.run());
        Label other = new Label();
        other.setId("otherProblems");
        other.setWrapText(true);
        other.setStyle("-fx-text-fill: #C62828;");
        other.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", model.editor().otherProblems()), model.editor().otherProblems()));
        rows.getChildren().addAll(fields, other);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private static VBox fieldRow(MainViewModel model, FieldViewModel f) {
        Label label = new Label(f.label());
        String id = "field-" + f.path().replace('.', '-');
        Region input;
        if (f.path().equals("server.variant")) {
            ComboBox<String> variants = new ComboBox<>();
            model.variants().forEach(v -> variants.getItems().add(v.name()));
            variants.setEditable(true);
            variants.getEditor().textProperty().bindBidirectional(f.textProperty());
            variants.setMaxWidth(Double.MAX_VALUE);
            variants.setTooltip(new Tooltip(model.variants().stream()
                    .map(v -> v.name() + ": " + v.description()).reduce((a, b) -> a + "\n" + b).orElse("")));
            input = variants;
        } else {
            TextField text = new TextField();
            text.textProperty().bindBidirectional(f.textProperty());
            text.promptTextProperty().bind(f.resolvedProperty());
            text.setTooltip(new Tooltip("Empty: the preset's or the default value, shown greyed"));
            input = text;
        }
        input.setId(id);
        Label problem = new Label();
        problem.setId(id + "-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #C62828; -fx-font-size: 11px;");
        problem.textProperty().bind(f.problemProperty());
        problem.visibleProperty().bind(f.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return new VBox(2, label, input, problem);
    }

    private static VBox live(MainViewModel model) {
        Label now = new Label("Press Start to run the scenario");
        now.setId("liveLine");
        now.setStyle("-fx-font-size: 16px;");
        now.textProperty().bind(Bindings.createStringBinding(() -> {
            IntervalSnapshot s = model.run().lastSnapshotProperty().get();
            if (s == null) {
                return model.run().runningProperty().get() ? "starting…" : "Press Start to run the scenario";
            }
            return Numbers.rateRps(s.throughputRps()) + " · p50 " + Numbers.latencyMs(s.latencyMs().p50())
                    + " · p99 " + Numbers.latencyMs(s.latencyMs().p99()) + " · errors " + s.errors().total()
                    + (s.warmup() ? " · warm-up" : "");
        }, model.run().lastSnapshotProperty(), model.run().runningProperty()));
        ProgressBar progress = new ProgressBar(0);
        progress.setId("progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> model.run().totalMsProperty().get() == 0 ? 0
                        : (double) model.run().elapsedMsProperty().get() / model.run().totalMsProperty().get(),
                model.run().elapsedMsProperty(), model.run().totalMsProperty()));
        VBox box = new VBox(12, now, progress);
        box.setPadding(new Insets(16));
        return box;
    }

    private static VBox findings(MainViewModel model) {
        Label heading = new Label("FINDINGS");
        heading.setStyle("-fx-font-weight: bold;");
        ListView<Finding> list = new ListView<>(model.run().findings());
        list.setId("findings");
        list.setPrefWidth(320);
        list.setPlaceholder(new Label("No findings yet"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Finding item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setWrapText(true);
                setPrefWidth(0);
                setText(icon(item) + " " + item.severity().toString().toUpperCase(Locale.ROOT) + "  " + item.title());
                setTooltip(new Tooltip(item.evidence() + "\n\nTry: " + item.advice()));
            }
        });
        VBox box = new VBox(6, heading, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8, 12, 8, 12));
        return box;
    }

    private static String icon(Finding f) {
        return switch (f.severity()) {
            case RED -> "●";
            case YELLOW -> "▲";
            case GREEN -> "✓";
        };
    }

    private static HBox statusBar(MainViewModel model) {
        Label state = new Label();
        state.setId("runState");
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            long elapsed = model.run().elapsedMsProperty().get() / 1000;
            long total = model.run().totalMsProperty().get() / 1000;
            String word = model.run().stateProperty().get().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
            return "run: " + word + (total > 0 ? String.format(Locale.ROOT, " · %d s / %d s", elapsed, total) : "");
        }, model.run().stateProperty(), model.run().elapsedMsProperty(), model.run().totalMsProperty()));
        Label message = new Label();
        message.setId("message");
        message.textProperty().bind(Bindings.createStringBinding(() -> model.messageProperty().get().isEmpty()
                        ? model.run().messageProperty().get() : model.messageProperty().get(),
                model.messageProperty(), model.run().messageProperty()));
        HBox bar = new HBox(16, state, message);
        bar.setPadding(new Insets(6, 12, 6, 12));
        return bar;
    }
}
