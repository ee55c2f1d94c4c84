package dev.loupe.app;

import dev.loupe.app.run.RunViewModel;
import dev.loupe.app.scenario.ScenarioEditorViewModel;
import dev.loupe.engine.run.RunCatalog;
import dev.loupe.engine.scenario.ScenarioReader;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;
import dev.loupe.engine.server.VariantOption;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The JavaFX application: one window, the main view. It owns what needs a stage (the file dialogs,
 * the question before unsaved edits are lost, closing) and wires the view-models to the engine: run
 * folders go below the working folder, as {@code loupe run}'s do.
 */
public final class LoupeApp extends Application {
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    static final double MIN_WIDTH = 1000;
    static final double MIN_HEIGHT = 700;
    /** The system property the launcher sets to the installation folder, where {@code sample-configs/} is. */
    static final String HOME_PROPERTY = "loupe.home";

    private MainViewModel model;

    @Override
    public void start(Stage stage) {
        Path workingFolder = Path.of("").toAbsolutePath();
        ScenarioEditorViewModel editor = new ScenarioEditorViewModel(new ScenarioReader(RunCatalog.installed()),
                LoupeApp::optionsOf, workingFolder);
        RunViewModel run = new RunViewModel(Path.of(""), InstantSource.system(), Platform::runLater);
        model = new MainViewModel(editor, run, ServerVariants::all, samplesFolder().orElse(null));
        MainView view = new MainView(model, new StageActions(stage, model));
        stage.titleProperty().bind(model.title());
        Scene scene = new Scene(view.root(), WIDTH, HEIGHT);
        shortcuts(scene, model, view);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnCloseRequest(e -> {
            if (model.hasUnsavedChanges() && !StageActions.agreeToDiscard(stage)) {
                e.consume();
            }
        });
        stage.show();
    }

    @Override
    public void stop() throws InterruptedException {
        if (model != null) {
            model.run().close();
        }
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
    private record StageActions(Stage stage, MainViewModel model) implements MainView.Actions {
        @Override
        public void open() {
            File file = chooser("Open scenario").showOpenDialog(stage);
            if (file != null) {
                model.open(file.toPath());
            }
        }

        @Override
        public void saveAs() {
            File file = chooser("Save scenario as").showSaveDialog(stage);
            if (file != null) {
                Path path = file.toPath();
                model.saveAs(path.getFileName().toString().contains(".") ? path : Path.of(path + ".json"));
            }
        }

        @Override
        public void afterAskingToDiscard(Runnable then) {
            if (!model.hasUnsavedChanges() || agreeToDiscard(stage)) {
                then.run();
            }
        }

        private FileChooser chooser(String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario files (*.json)", "*.json"));
            Path current = model.editor().fileProperty().get();
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
            return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
        }
    }
}
