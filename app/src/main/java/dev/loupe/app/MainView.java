package dev.loupe.app;

import dev.loupe.app.chart.LiveChartsView;
import dev.loupe.app.live.DelayLamp;
import dev.loupe.app.scenario.FieldViewModel;
import dev.loupe.app.scenario.ScenarioEditorViewModel;
import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Severity;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.measure.LoadSummary;
import dev.loupe.engine.session.SessionOutcome;
import dev.loupe.engine.units.Numbers;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

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

        /** Switches between the light and the dark theme. */
        void toggleTheme();

        /** Shows a run folder in the desktop's file manager. */
        void showFolder(java.nio.file.Path folder);
    }

    /** The side panels' starting widths: the scenario panel and the findings. */
    private static final double SIDE_LEFT_PX = 280;
    private static final double SIDE_RIGHT_PX = 300;

    private final BorderPane root = new BorderPane();
    private final LiveChartsView charts;
    private final Label uiHealth = new Label();

    MainView(MainViewModel model, Actions actions, LiveChartsView.TickListener onTick) {
        charts = new LiveChartsView(model.run(), onTick);
        root.setTop(toolbar(model, actions));
        SplitPane panes = new SplitPane(scenarioPanel(model), live(model), new FindingsView(model.run().findings(),
                model.run().outcomeProperty().isNotNull().and(model.run().runningProperty().not())));
        // the side panels start at their preferred widths, whatever the window's; the charts take the rest
        panes.widthProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number before, Number now) {
                double w = now.doubleValue();
                if (w > 0) {
                    panes.setDividerPositions(Math.min(0.26, SIDE_LEFT_PX / w), Math.max(0.71, 1 - SIDE_RIGHT_PX / w));
                    panes.widthProperty().removeListener(this);
                }
            }
        });
        SplitPane.setResizableWithParent(panes.getItems().get(0), false);
        SplitPane.setResizableWithParent(panes.getItems().get(2), false);
        root.setCenter(panes);
        root.setBottom(statusBar(model, actions));
    }

    LiveChartsView charts() {
        return charts;
    }

    /** The status bar's word on the UI's own frame gaps. */
    void showUiHealth(String text) {
        uiHealth.setText(text);
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
            Label name = new Label(s.name());
            name.setStyle("-fx-font-weight: bold;");
            Label about = new Label(s.summary());
            about.setStyle("-fx-font-size: 11px; -fx-opacity: 0.8;");
            about.setMaxWidth(520);
            VBox text = new VBox(1, name, about);
            if (!s.description().isEmpty()) {
                Tooltip whole = new Tooltip(s.description());
                whole.setWrapText(true);
                whole.setMaxWidth(480);
                Tooltip.install(text, whole);
            }
            CustomMenuItem item = new CustomMenuItem(text);
            item.setId("sample-" + s.name());
            item.setOnAction(e -> actions.afterAskingToDiscard(() -> model.open(s.file())));
            samples.getItems().add(item);
        }
        MenuButton recent = new MenuButton("Recent");
        recent.setId("recent");
        recent.setTooltip(new Tooltip("Scenario files you opened or saved lately"));
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (java.nio.file.Path f : model.recentFiles()) {
                MenuItem item = new MenuItem(f.getFileName() + "  —  " + f.getParent());
                item.setOnAction(e -> actions.afterAskingToDiscard(() -> model.open(f)));
                recent.getItems().add(item);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        fillRecent.run();
        model.recentFiles().addListener((ListChangeListener<java.nio.file.Path>) c -> fillRecent.run());
        Button theme = button("◐", "Light or dark theme", "theme");
        theme.setOnAction(e -> actions.toggleTheme());
        Label file = new Label();
        file.setId("fileName");
        file.setMinWidth(0);
        file.textProperty().bind(model.title());
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        Button start = button("▶ Start", "Run the scenario in this JVM and write its run folder (Ctrl+R)", "start");
        start.disableProperty().bind(model.canStart().not());
        start.setOnAction(e -> model.start());
        Button stop = button("■ Stop", "Stop the run; its run folder is still written (Esc)", "stop");
        stop.disableProperty().bind(model.run().runningProperty().not());
        stop.setOnAction(e -> model.stop());
        HBox bar = new HBox(6, title, newButton, open, recent, save, saveAs, samples, file, space, theme, start, stop);
        bar.getChildren().stream().filter(n -> n != file && n != space)
                .forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
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
        rows.setPrefWidth(280);
        Label heading = new Label("SCENARIO");
        heading.setStyle("-fx-font-weight: bold;");
        rows.getChildren().add(heading);
        VBox fields = new VBox(6);
        Runnable layout = () -> {
            fields.getChildren().clear();
            for (FieldViewModel f : model.editor().fields()) {
                if (f.path().equals(ScenarioEditorViewModel.THRESHOLD_P99)) {
                    Label thresholds = new Label("THRESHOLDS");
                    thresholds.setStyle("-fx-font-weight: bold;");
                    thresholds.setPadding(new Insets(8, 0, 0, 0));
                    Tooltip.install(thresholds, new Tooltip("Pass / fail conditions judged at the run's end;"
                            + " a failed one fails the run (loupe run exits 99). Others the file holds are kept."));
                    fields.getChildren().add(thresholds);
                }
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
        scroll.setMinWidth(200);
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
            Label explained = new Label();
            explained.setId("variantDescription");
            explained.setWrapText(true);
            explained.setStyle("-fx-font-size: 11px; -fx-opacity: 0.8;");
            explained.textProperty().bind(Bindings.createStringBinding(() -> model.describeVariant(
                    f.textProperty().get().isBlank() ? f.resolvedProperty().get() : f.textProperty().get()),
                    f.textProperty(), f.resolvedProperty()));
            VBox row = new VBox(2, label, variants, explained, problemLabel(f, "field-server-variant"));
            variants.setId("field-server-variant");
            return row;
        } else {
            TextField text = new TextField();
            text.textProperty().bindBidirectional(f.textProperty());
            text.promptTextProperty().bind(f.resolvedProperty());
            text.setTooltip(new Tooltip("Empty: the preset's or the default value, shown greyed"));
            input = text;
        }
        input.setId(id);
        return new VBox(2, label, input, problemLabel(f, id));
    }

    /** The engine's word on a field's value, in red below it; takes no room while there is none. */
    private static Label problemLabel(FieldViewModel f, String id) {
        Label problem = new Label();
        problem.setId(id + "-problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: #C62828; -fx-font-size: 11px;");
        problem.textProperty().bind(f.problemProperty());
        problem.visibleProperty().bind(f.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    private VBox live(MainViewModel model) {
        Label now = new Label("Press Start to run the scenario");
        now.setId("liveLine");
        now.setWrapText(true);
        now.setStyle("-fx-font-size: 14px;");
        now.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.run().outcomeProperty().get() instanceof SessionOutcome.ScenarioFinished done
                    && !model.run().runningProperty().get()) {
                LoadSummary sum = done.result().summary();
                return "whole run: " + Numbers.rateRps(sum.throughputRps()) + " · p50 " + Numbers.latencyMs(sum.latencyMs().p50())
                        + " · p99 " + Numbers.latencyMs(sum.latencyMs().p99()) + " · errors " + sum.errors().total()
                        + " of " + Numbers.count(sum.requests());
            }
            IntervalSnapshot s = model.run().lastSnapshotProperty().get();
            if (s == null) {
                return model.run().runningProperty().get() ? "starting…" : "Press Start to run the scenario";
            }
            return Numbers.rateRps(s.throughputRps()) + " · p50 " + Numbers.latencyMs(s.latencyMs().p50())
                    + " · p99 " + Numbers.latencyMs(s.latencyMs().p99()) + " · errors " + s.errors().total()
                    + (s.warmup() ? " · warm-up" : "");
        }, model.run().lastSnapshotProperty(), model.run().runningProperty(), model.run().outcomeProperty()));
        VBox line = new VBox(4, lamp(model), now);
        ProgressBar progress = new ProgressBar(0);
        progress.setId("progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> model.run().totalMsProperty().get() == 0 ? 0
                        : (double) model.run().elapsedMsProperty().get() / model.run().totalMsProperty().get(),
                model.run().elapsedMsProperty(), model.run().totalMsProperty()));
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox box = new VBox(8, line, progress, charts);
        box.setPadding(new Insets(8, 8, 8, 8));
        return box;
    }

    /** The status lamp: the dispatch delay's colour now as icon, word and colour, and the verdict so far. */
    private static FlowPane lamp(MainViewModel model) {
        Circle light = new Circle(7, GREY);
        Label word = new Label("—");
        word.setId("lampWord");
        word.setMinWidth(Region.USE_PREF_SIZE);
        word.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        Label now = new Label("dispatch delay: not measured yet");
        now.setId("lampNow");
        now.setStyle("-fx-font-size: 14px;");
        Label verdict = new Label("");
        verdict.setId("lampVerdict");
        verdict.setStyle("-fx-font-size: 13px;");
        Tooltip why = new Tooltip("Dispatch delay: how late a probe handed to each event loop, pool or scheduler"
                + " every 10 ms ran. Green below 10 ms, yellow to 100 ms, red from 100 ms, for the last second (now)."
                + " The run's verdict uses Clinic.js Doctor's rule over the measured seconds: a median of 10 ms or"
                + " any probe of 100 ms is red.");
        why.setWrapText(true);
        why.setMaxWidth(420);
        Tooltip.install(now, why);
        Tooltip.install(verdict, why);
        Runnable show = () -> {
            DelayLamp lamp = model.run().lampProperty().get();
            if (lamp == null) {
                light.setFill(GREY);
                word.setText("—");
                word.setTextFill(GREY);
                now.setText("dispatch delay: not measured yet");
                verdict.setText("");
                return;
            }
            Color colour = colour(lamp.now());
            light.setFill(colour);
            word.setText(lamp.now().toString().toUpperCase(Locale.ROOT));
            word.setTextFill(colour);
            now.setText("dispatch delay " + Numbers.latencyMs(lamp.nowMs()) + (model.run().runningProperty().get()
                    ? " now" : " in the last second"));
            verdict.setText(lamp.run() == null ? "· run verdict after the warm-up"
                    : (model.run().runningProperty().get() ? "· run so far: " : "· whole run: ")
                            + lamp.run().toString().toUpperCase(Locale.ROOT) + " (" + lamp.why() + ")");
            verdict.setTextFill(lamp.run() == null ? GREY : colour(lamp.run()));
        };
        model.run().lampProperty().addListener((o, before, lamp) -> show.run());
        model.run().runningProperty().addListener((o, before, running) -> show.run());
        HBox light3 = new HBox(6, light, word, now);
        light3.setAlignment(Pos.CENTER_LEFT);
        FlowPane box = new FlowPane(8, 2, light3, verdict);
        box.setId("lamp");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static final Color GREY = Color.web("#9E9E9E");

    static Color colour(Severity severity) {
        return Color.web(FindingsView.hex(severity));
    }


    private HBox statusBar(MainViewModel model, Actions actions) {
        Label state = new Label();
        state.setId("runState");
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            long elapsed = model.run().elapsedMsProperty().get() / 1000;
            long total = model.run().totalMsProperty().get() / 1000;
            String word = model.run().stateProperty().get().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
            return "run: " + word + (total > 0 ? String.format(Locale.ROOT, " · %s / %s · %s left", clock(elapsed),
                    clock(total), clock(Math.max(0, total - elapsed))) : "");
        }, model.run().stateProperty(), model.run().elapsedMsProperty(), model.run().totalMsProperty()));
        Hyperlink folder = new Hyperlink();
        folder.setId("runFolder");
        folder.setTooltip(new Tooltip("The run folder: SUMMARY.md, result.json, recording.jfr… Click to open it."));
        folder.textProperty().bind(Bindings.createStringBinding(() -> model.run().runFolderProperty().get() == null ? ""
                : "out: " + model.run().runFolderProperty().get(), model.run().runFolderProperty()));
        folder.visibleProperty().bind(model.run().runFolderProperty().isNotNull());
        folder.setOnAction(e -> actions.showFolder(model.run().runFolderProperty().get()));
        uiHealth.setId("uiHealth");
        Tooltip.install(uiHealth, new Tooltip("The dashboard's own frame gaps while this run is shown (p99): how long"
                + " the window could not draw. A run folder's ui-health.json keeps them."));
        Label message = new Label();
        message.setId("message");
        message.textProperty().bind(Bindings.createStringBinding(() -> model.messageProperty().get().isEmpty()
                        ? model.run().messageProperty().get() : model.messageProperty().get(),
                model.messageProperty(), model.run().messageProperty()));
        message.setMinWidth(0);
        state.setMinWidth(Region.USE_PREF_SIZE);
        uiHealth.setMinWidth(Region.USE_PREF_SIZE);
        folder.setMinWidth(80);
        HBox bar = new HBox(16, state, uiHealth, folder, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        return bar;
    }

    private static String clock(long seconds) {
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }
}
