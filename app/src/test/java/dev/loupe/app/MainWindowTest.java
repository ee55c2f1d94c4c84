package dev.loupe.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real application window, started headless on Monocle: what a user sees before pressing Start. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // as the launcher does: the installation folder holds sample-configs/ (tests run in app/)
        System.setProperty(LoupeApp.HOME_PROPERTY, Path.of("..").toAbsolutePath().normalize().toString());
        new LoupeApp().start(stage);
    }

    @Test
    void opensOnANewScenarioThatCanStart(FxRobot robot) {
        assertThat(robot.lookup("#title").queryAs(Label.class).getText()).isEqualTo("Loupe");
        assertThat(stage.getTitle()).isEqualTo("Loupe — new scenario");
        assertThat(robot.lookup("#start").queryAs(Button.class).isDisabled()).as("a new scenario runs").isFalse();
        assertThat(robot.lookup("#stop").queryAs(Button.class).isDisabled()).as("nothing to stop").isTrue();
        assertThat(stage.getMinWidth()).isEqualTo(LoupeApp.MIN_WIDTH);
    }

    @Test
    void offersEveryVariantAndTheSamples(FxRobot robot) {
        ComboBox<?> variants = robot.lookup("#field-server-variant").queryAs(ComboBox.class);
        List<Object> items = List.copyOf(variants.getItems());
        assertThat(items).containsExactlyElementsOf(
                ServerVariants.all().stream().map(ServerVariant::name).toList());
        MenuButton samples = robot.lookup("#samples").queryAs(MenuButton.class);
        assertThat(samples.getItems()).extracting(i -> i.getId()).contains("sample-quick", "sample-event-loop-blocked");
    }

    @Test
    void aBadValueDisablesStartAndSaysWhyBesideTheField(FxRobot robot) {
        TextField connections = robot.lookup("#field-load-connections").queryAs(TextField.class);
        robot.interact(() -> connections.setText("-3"));
        Label problem = robot.lookup("#field-load-connections-problem").queryAs(Label.class);
        assertThat(problem.getText()).contains("-3").contains("expected");
        assertThat(problem.isVisible()).isTrue();
        assertThat(robot.lookup("#start").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(stage.getTitle()).endsWith(" *");

        robot.interact(() -> connections.setText("8"));
        assertThat(problem.isVisible()).as("control: a good value clears it").isFalse();
        assertThat(robot.lookup("#start").queryAs(Button.class).isDisabled()).isFalse();
    }
}
