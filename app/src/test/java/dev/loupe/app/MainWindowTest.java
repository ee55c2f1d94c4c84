package dev.loupe.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real application window, started headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @Start
    void start(Stage stage) {
        new LoupeApp().start(stage);
    }

    @Test
    void namesLoupeAndListsEveryVariant(FxRobot robot) {
        assertThat(robot.lookup("#title").queryAs(Label.class).getText()).isEqualTo("Loupe");
        ListView<?> list = robot.lookup("#variants").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(i -> ((MainViewModel.VariantItem) i).name())
                .containsExactlyElementsOf(ServerVariants.all().stream().map(ServerVariant::name).toList());
    }
}
