package dev.loupe.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.health.UiHealth;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real application window, started headless on Monocle: what a user sees and does. */
@ExtendWith(ApplicationExtension.class)
@Tag("timing")
class MainWindowTest {
    @TempDir
    static Path dir;

    private Stage stage;
    private LoupeApp app;

    @BeforeAll
    static void isolate() {
        // as the launcher does: the installation folder holds sample-configs/ (tests run in app/)
        System.setProperty(LoupeApp.HOME_PROPERTY, Path.of("..").toAbsolutePath().normalize().toString());
        System.setProperty(Settings.FILE_PROPERTY, dir.resolve("settings.json").toString());
        System.setProperty(LoupeApp.RUNS_PROPERTY, dir.toString());
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new LoupeApp();
        app.start(stage);
    }

    @Test
    void opensOnANewScenarioThatCanStart(FxRobot robot) {
        assertThat(robot.lookup("#title").queryAs(Label.class).getText()).isEqualTo("Loupe");
        assertThat(stage.getTitle()).isEqualTo("Loupe — new scenario");
        assertThat(robot.lookup("#start").queryAs(Button.class).isDisabled()).as("a new scenario runs").isFalse();
        assertThat(robot.lookup("#stop").queryAs(Button.class).isDisabled()).as("nothing to stop").isTrue();
        assertThat(stage.getMinWidth()).isEqualTo(LoupeApp.MIN_WIDTH);
        assertThat(robot.lookup("#lampNow").queryAs(Label.class).getText()).isEqualTo("dispatch delay: not measured yet");
        for (String chart : List.of("throughput", "latency", "dispatch", "heap", "gc", "cpu", "threads", "locks")) {
            assertThat(robot.lookup("#chart-" + chart).tryQuery()).as(chart).isPresent();
        }
        assertThat(robot.lookup("#noFindings").tryQuery()).isPresent();
    }

    @Test
    void offersEveryVariantAndTheSamples(FxRobot robot) {
        ComboBox<?> variants = robot.lookup("#field-server-variant").queryAs(ComboBox.class);
        List<Object> items = List.copyOf(variants.getItems());
        assertThat(items).containsExactlyElementsOf(ServerVariants.all().stream().map(ServerVariant::name).toList());
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

    @Test
    void aFileThatBreaksRulesOpensWithTheEnginesMessagesAtItsFields(FxRobot robot) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, """
                {"name": "broken", "server": {"variant": "event-loop"}, "workload": "hello",
                 "load": {"profile": "light", "connections": 0, "threads": 70},
                 "thresholds": {"summary.latencyMs.p99": "fast"}}
                """);
        robot.interact(() -> app.model().open(file));
        assertThat(stage.getTitle()).isEqualTo("Loupe — broken.json");
        assertThat(robot.lookup("#field-load-connections-problem").queryAs(Label.class).getText())
                .isEqualTo("0 (expected: 1..100000)");
        assertThat(robot.lookup("#field-thresholds-summary-latencyMs-p99-problem").queryAs(Label.class).getText())
                .startsWith("\"fast\" (expected: an operator");
        assertThat(robot.lookup("#otherProblems").queryAs(Label.class).getText())
                .as("a field the panel does not show").contains("load.threads: 70 (expected: 1..64)");
        assertThat(robot.lookup("#start").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#variantDescription").queryAs(Label.class).getText()).isNotBlank();
    }

    @Test
    void unsavedEditsAreNotLostWithoutAQuestion(FxRobot robot) throws Exception {
        TextField name = robot.lookup("#field-name").queryAs(TextField.class);
        robot.interact(() -> name.setText("mine"));
        robot.clickOn("#new");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#discardQuestion").tryQuery().isPresent());
        DialogPane question = robot.lookup("#discardQuestion").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) question.lookupButton(javafx.scene.control.ButtonType.CANCEL)).fire());
        assertThat(name.getText()).as("cancel keeps the edit").isEqualTo("mine");

        robot.clickOn("#new");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#discardQuestion").tryQuery().isPresent());
        DialogPane again = robot.lookup("#discardQuestion").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) again.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        assertThat(name.getText()).as("OK discards it").isEqualTo("untitled");
    }

    @Test
    void startAndStopFromTheWindowWriteTheRunFolderWithTheUisHealth(FxRobot robot) throws Exception {
        fill(robot, "start-stop");
        robot.clickOn("#start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#runState").queryAs(Label.class).getText()
                .startsWith("run: measuring"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#lampWord").queryAs(Label.class).getText()
                .equals("—"));
        robot.clickOn("#stop");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !robot.lookup("#start").queryAs(Button.class).isDisabled());
        WaitForAsyncUtils.waitForFxEvents();

        Path folder = runFolder("start-stop");
        assertThat(folder.resolve("result.json")).isRegularFile();
        assertThat(folder.resolve(UiHealth.FILE)).isRegularFile();
        assertThat(Files.readString(folder.resolve(UiHealth.FILE))).contains("\"frameGapMs\"");
        assertThat(robot.lookup("#runFolder").queryAs(Hyperlink.class).getText()).endsWith(folder.getFileName().toString());
        assertThat(robot.lookup("#message").queryAs(Label.class).getText()).startsWith("stopped");
        Node headline = robot.lookup("#headline").query();
        assertThat(headline).isNotNull();
        assertThat(robot.lookup("#liveLine").queryAs(Label.class).getText()).startsWith("whole run: ");

        // the charts were drawn off the FX thread and are on screen, as wide as the chart
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chartImage(robot, "throughput") != null);
        javafx.scene.image.Image picture = chartImage(robot, "throughput");
        assertThat(picture.getWidth()).isGreaterThan(100);
        assertThat(Files.readString(folder.resolve(UiHealth.FILE))).contains("\"chartDrawMs\"");
    }

    private static javafx.scene.image.Image chartImage(FxRobot robot, String id) {
        javafx.scene.Parent chart = robot.lookup("#chart-" + id).queryAs(javafx.scene.Parent.class);
        return chart.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.image.ImageView)
                .map(n -> ((javafx.scene.image.ImageView) n).getImage()).findFirst().orElse(null);
    }

    @Test
    void closingTheWindowMidRunStillWritesTheRunFolder(FxRobot robot) throws Exception {
        fill(robot, "closed-mid-run");
        robot.clickOn("#start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#runState").queryAs(Label.class).getText()
                .matches("run: (warming up|measuring).*"));
        app.stop(); // what JavaFX calls when the last window closes
        assertThat(runFolder("closed-mid-run").resolve("result.json")).isRegularFile();
    }

    /** A short, long-enough scenario typed into the panel: stopped long before its 60 s. */
    private static void fill(FxRobot robot, String name) {
        robot.interact(() -> {
            robot.lookup("#field-name").queryAs(TextField.class).setText(name);
            robot.lookup("#field-load-connections").queryAs(TextField.class).setText("2");
            robot.lookup("#field-load-duration").queryAs(TextField.class).setText("60s");
            robot.lookup("#field-load-warmup").queryAs(TextField.class).setText("1s");
        });
        assertThat(robot.lookup("#start").queryAs(Button.class).isDisabled()).isFalse();
    }

    private static Path runFolder(String name) throws Exception {
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            return runs.filter(p -> p.getFileName().toString().endsWith("-" + name)).findFirst().orElseThrow();
        }
    }
}
