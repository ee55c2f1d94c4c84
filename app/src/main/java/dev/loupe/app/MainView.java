package dev.loupe.app;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The main window's layout; binds to {@link MainViewModel} and holds no state of its own. */
final class MainView {
    private final BorderPane root = new BorderPane();

    MainView(MainViewModel model) {
        Label title = new Label("Loupe");
        title.setId("title");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Label subtitle = new Label("Why does this server behave like that under this load?");

        Label listHeading = new Label("Server variants");
        listHeading.setStyle("-fx-font-weight: bold;");
        ListView<MainViewModel.VariantItem> list = new ListView<>(model.variants());
        list.setId("variants");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MainViewModel.VariantItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + " — " + item.description());
            }
        });

        VBox content = new VBox(8, title, subtitle, listHeading, list);
        content.setPadding(new Insets(16));
        root.setCenter(content);
    }

    Parent root() {
        return root;
    }
}
