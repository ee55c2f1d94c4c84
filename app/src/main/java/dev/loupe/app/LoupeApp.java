package dev.loupe.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.loupe.app.chart.LiveChartsView;
import dev.loupe.app.health.UiHealth;
import dev.loupe.app.run.RunViewModel;
import dev.loupe.app.scenario.ScenarioEditorViewModel;
import dev.loupe.engine.chart.ChartTheme;
import dev.loupe.engine.run.RunCatalog;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;
import dev.loupe.engine.server.VariantOption;
import dev.loupe.engine.session.SessionOutcome;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: one window, the main view. It owns what needs a stage (the file dialogs,
 * the question before unsaved edits are lost, closing, the theme), wires the view-models to the
 * engine (run folders go below the working folder, as {@code loupe run}'s do), measures its own frame
 * gaps while a run is shown and, when started with {@link DashboardOptions}, runs a scenario by itself.
 */
public final class LoupeApp extends Application {
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    static final double MIN_WIDTH = 1000;
    static final double MIN_HEIGHT = 700;
    /** The system property the launcher sets to the installation folder, where {@code sample-configs/} is. */
    static final String HOME_PROPERTY = "loupe.home";
    /** The system property naming the folder below which run folders go, instead of the working folder. */
    static final String RUNS_PROPERTY = "loupe.runs.base";

    private static volatile int exitCode;

    private MainViewModel model;
    private MainView view;
    private Stage stage;
    private Settings settings;
    private DashboardOptions.Theme theme;
    private final UiHealth health = new UiHealth();
    private AutomatedRun automation;
    private int ticksSinceShown;

    /** The exit code the window leaves for {@link Main}: a scripted run's, else 0. */
    static int exitCode() {
        return exitCode;
    }

    static void exitWith(int code) {
        exitCode = code;
    }

    /** The window's view-model, for tests that drive what a dialog would. */
    MainViewModel model() {
        return model;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        DashboardOptions options = DashboardOptions.parse(getParameters() == null ? List.of() : getParameters().getRaw());
        settings = Settings.load(Settings.file());
        Path workingFolder = Path.of("").toAbsolutePath();
        ScenarioEditorViewModel editor = new ScenarioEditorViewModel(new ScenarioReader(RunCatalog.installed()),
                LoupeApp::optionsOf, workingFolder);
        RunViewModel run = new RunViewModel(runsBase(), InstantSource.system(), Platform::runLater);
        model = new MainViewModel(editor, run, ServerVariants::all, samplesFolder().orElse(null));
        model.rememberRecent(settings.recentFiles().stream().map(Path::of).toList());
        model.recentFiles().addListener((ListChangeListener<Path>) c -> remember(settings.withRecentFiles(model.recentFiles())));
        view = new MainView(model, new StageActions(this), new LiveChartsView.TickListener() {
            @Override
            public void ticked(double lateMs) {
                health.tick(lateMs);
                showFrameGaps();
            }

            @Override
            public void drew(long ns) {
                health.drew(ns);
            }
        });
        stage.titleProperty().bind(model.title());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), fit(settings.widthPx(), MIN_WIDTH, screen.getWidth()),
                fit(settings.heightPx(), MIN_HEIGHT, screen.getHeight()));
        shortcuts(scene, model, view);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        applyTheme(options.theme() != null ? options.theme() : settings.theme());
        stage.setOnCloseRequest(e -> {
            if (model.hasUnsavedChanges() && automation == null && !StageActions.agreeToDiscard(stage)) {
                e.consume();
            }
        });
        measureFrames();
        automation = options.open() == null && options.screenshot() == null && !options.exitAfterRun() ? null
                : new AutomatedRun(options, model, view, stage);
        stage.show();
        // the charts' drawing code is compiled now, while a user picks a scenario; a scripted run waits for it
        view.charts().rehearse(() -> {
            if (automation != null) {
                automation.begin();
            }
        });
    }

    @Override
    public void stop() throws InterruptedException {
        if (model != null) {
            view.charts().stopTimer();
            model.run().close();
            remember(settings.withSize(stage.getWidth(), stage.getHeight()));
        }
    }

    /** The remembered size, at least the minimum, at most the screen (when the screen is larger than the minimum). */
    static double fit(double remembered, double min, double screen) {
        double size = Double.isFinite(remembered) && remembered > 0 ? remembered : min;
        return Math.max(min, Math.min(size, screen));
    }

    private void remember(Settings next) {
        settings = next;
        settings.save(Settings.file());
    }

    /** Gaps between pulses, while a run is shown; the status bar shows their p99 once a second. */
    private void measureFrames() {
        AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long nowNs) {
                health.pulse(nowNs);
            }
        };
        // it runs only while a run is shown: an animation timer keeps JavaFX pulsing 60 times a second
        model.run().runningProperty().addListener((o, was, now) -> {
            if (now) {
                health.reset();
                frames.start();
            } else if (was) {
                frames.stop();
                writeHealth();
            }
        });
    }

    /**
     * The status bar's frame gap, once a second from the chart timer's tick: a label changed in the
     * pulse that changes the charts' anyway costs no frame of its own (the software pipeline repaints
     * the window for every frame in which anything changed).
     */
    private void showFrameGaps() {
        if (model.run().runningProperty().get() && ++ticksSinceShown >= LiveChartsView.TICK_HZ) {
            ticksSinceShown = 0;
            UiHealth.FrameGapMs gaps = health.report().frameGapMs();
            view.showUiHealth(gaps.frames() == 0 ? "" : String.format(Locale.ROOT, "UI frame gap p99 %s",
                    dev.loupe.engine.units.Numbers.latencyMs(gaps.p99())));
        }
    }

    /** {@code ui-health.json} into the finished run's folder, beside what {@code loupe run} writes. */
    private void writeHealth() {
        Path folder = model.run().runFolderProperty().get();
        if (folder != null && model.run().outcomeProperty().get() instanceof SessionOutcome.ScenarioFinished) {
            try {
                health.write(folder, model.run().droppedItems());
            } catch (IOException e) {
                model.run().say("cannot write " + folder.resolve(UiHealth.FILE) + ": " + e.getMessage());
            }
        }
    }

    void applyTheme(DashboardOptions.Theme next) {
        theme = next;
        Application.setUserAgentStylesheet(next == DashboardOptions.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        view.charts().theme(next == DashboardOptions.Theme.DARK ? ChartTheme.DARK : ChartTheme.LIGHT);
        view.root().getStyleClass().removeAll("light", "dark");
        view.root().getStyleClass().add(next.toString());
    }

    private static void shortcuts(Scene scene, MainViewModel model, MainView view) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), () -> {
            if (model.canStart().get()) {
                model.start();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), model::stop);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                () -> view.fire("open"));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                () -> view.fire("save"));
    }

    private static List<VariantOption> optionsOf(String variant) {
        return ServerVariants.all().stream().filter(v -> v.name().equals(variant)).findFirst()
                .map(ServerVariant::options).orElse(List.of());
    }

    /** Below which folder runs go ({@code runs/…} in it): the working folder, or the one {@value #RUNS_PROPERTY} names. */
    static Path runsBase() {
        String named = System.getProperty(RUNS_PROPERTY);
        return named == null || named.isBlank() ? Path.of("") : Path.of(named);
    }

    /** {@code sample-configs/} in the installation folder, else in the working folder. */
    static Optional<Path> samplesFolder() {
        String home = System.getProperty(HOME_PROPERTY);
        for (Path candidate : new Path[] {home == null ? null : Path.of(home), Path.of("").toAbsolutePath()}) {
            if (candidate != null && Files.isDirectory(candidate.resolve("sample-configs"))) {
                return Optional.of(candidate.resolve("sample-configs"));
            }
        }
        return Optional.empty();
    }

    /** The dialogs, on the window's stage. */
    private record StageActions(LoupeApp app) implements MainView.Actions {
        @Override
        public void open() {
            File file = chooser("Open scenario").showOpenDialog(app.stage);
            if (file != null) {
                app.model.open(file.toPath());
            }
        }

        @Override
        public void saveAs() {
            File file = chooser("Save scenario as").showSaveDialog(app.stage);
            if (file != null) {
                Path path = file.toPath();
                app.model.saveAs(path.getFileName().toString().contains(".") ? path : Path.of(path + ".json"));
            }
        }

        @Override
        public void afterAskingToDiscard(Runnable then) {
            if (!app.model.hasUnsavedChanges() || agreeToDiscard(app.stage)) {
                then.run();
            }
        }

        @Override
        public void toggleTheme() {
            DashboardOptions.Theme next = app.theme == DashboardOptions.Theme.DARK
                    ? DashboardOptions.Theme.LIGHT : DashboardOptions.Theme.DARK;
            app.applyTheme(next);
            app.remember(app.settings.withTheme(next));
        }

        @Override
        public void showFolder(Path folder) {
            if (folder != null) {
                app.getHostServices().showDocument(folder.toAbsolutePath().toUri().toString());
            }
        }

        private FileChooser chooser(String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario files (*.json)", "*.json"));
            Path current = app.model.editor().fileProperty().get();
            Path folder = current != null ? current.toAbsolutePath().getParent() : samplesFolder().orElse(null);
            if (folder != null && Files.isDirectory(folder)) {
                chooser.setInitialDirectory(folder.toFile());
            }
            return chooser;
        }

        static boolean agreeToDiscard(Stage stage) {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                    "The scenario has changes that are not saved. Discard them?", ButtonType.CANCEL, ButtonType.OK);
            alert.initOwner(stage);
            alert.setHeaderText("Unsaved changes");
            alert.getDialogPane().setId("discardQuestion");
            return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
        }
    }
}
