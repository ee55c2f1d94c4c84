package dev.loupe.app;

import dev.loupe.engine.LoupeVersion;
import dev.loupe.engine.server.ServerVariants;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window, the main view. */
public final class LoupeApp extends Application {
    static final double MIN_WIDTH = 1280;
    static final double MIN_HEIGHT = 800;

    @Override
    public void start(Stage stage) {
        MainViewModel model = new MainViewModel(ServerVariants::all);
        MainView view = new MainView(model);
        stage.setTitle("Loupe " + LoupeVersion.version());
        stage.setScene(new Scene(view.root(), MIN_WIDTH, MIN_HEIGHT));
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.show();
    }
}
