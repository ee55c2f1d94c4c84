package dev.loupe.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.analysis.Finding;
import dev.loupe.engine.analysis.Severity;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The findings panel on Monocle: the headline is the worst finding, the rest are listed, a click chooses. */
@ExtendWith(ApplicationExtension.class)
class FindingsViewTest {
    private static final Finding PINNING = new Finding("pinning", Severity.YELLOW, "Virtual threads pinned",
            "12 pinned events of 20 ms or more", "replace synchronized with a ReentrantLock");
    private static final Finding BLOCKED = new Finding("event-loop-blocked", Severity.RED, "The event loop was blocked",
            "dispatch delay max 212 ms; blocking frame Thread.sleep", "move the blocking call off the loop");
    private static final Finding HEALTHY = new Finding("gc-healthy", Severity.GREEN, "Collections are short",
            "pauses p99 4 ms", "nothing to do");

    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final SimpleBooleanProperty finished = new SimpleBooleanProperty();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new FindingsView(findings, finished), 320, 700));
        stage.show();
    }

    @Test
    void theHeadlineIsTheFirstRedFindingWithItsEvidenceAndAdvice(FxRobot robot) {
        assertThat(text(robot, "#noFindings")).as("before a run").startsWith("No findings yet");
        robot.interact(() -> finished.set(true));
        assertThat(text(robot, "#noFindings")).as("a run that ended without any").startsWith("Nothing stood out");
        robot.interact(() -> finished.set(false));

        robot.interact(() -> findings.setAll(List.of(PINNING, BLOCKED, HEALTHY)));
        assertThat(text(robot, "#headlineSeverity")).isEqualTo("● RED");
        assertThat(text(robot, "#headlineTitle")).isEqualTo("The event loop was blocked");
        assertThat(text(robot, "#headlineEvidence")).contains("Thread.sleep");
        assertThat(text(robot, "#headlineAdvice")).isEqualTo("Try: move the blocking call off the loop");
        assertThat(robot.lookup("#finding-pinning").tryQuery()).isPresent();
        assertThat(robot.lookup("#finding-gc-healthy").tryQuery()).isPresent();
        assertThat(robot.lookup("#finding-event-loop-blocked").tryQuery()).as("not listed twice").isEmpty();
    }

    @Test
    void withoutARedFindingTheFirstLeadsAndAClickChoosesAnother(FxRobot robot) {
        robot.interact(() -> findings.setAll(List.of(PINNING, HEALTHY)));
        assertThat(text(robot, "#headlineSeverity")).isEqualTo("▲ YELLOW");

        robot.clickOn("#finding-gc-healthy");
        assertThat(text(robot, "#headlineTitle")).isEqualTo("Collections are short");

        robot.interact(() -> findings.setAll(List.of(PINNING, HEALTHY, BLOCKED)));
        assertThat(text(robot, "#headlineTitle")).as("the choice stays while live findings change")
                .isEqualTo("Collections are short");
        robot.interact(() -> findings.setAll(List.of(PINNING, BLOCKED)));
        assertThat(text(robot, "#headlineTitle")).as("a chosen finding that is gone gives way to the red one")
                .isEqualTo("The event loop was blocked");
    }

    @Test
    void newNumbersForTheSameFindingsChangeTheWordsNotTheNodes(FxRobot robot) {
        robot.interact(() -> findings.setAll(List.of(BLOCKED, PINNING)));
        Label evidence = robot.lookup("#headlineEvidence").queryAs(Label.class);
        Finding worse = new Finding(BLOCKED.rule(), Severity.RED, BLOCKED.title(), "dispatch delay max 640 ms",
                BLOCKED.advice());
        robot.interact(() -> findings.setAll(List.of(worse, PINNING)));
        assertThat(robot.lookup("#headlineEvidence").queryAs(Label.class)).isSameAs(evidence);
        assertThat(evidence.getText()).isEqualTo("dispatch delay max 640 ms");

        Finding red = new Finding(PINNING.rule(), Severity.RED, PINNING.title(), PINNING.evidence(), PINNING.advice());
        robot.interact(() -> findings.setAll(List.of(worse, red)));
        assertThat(text(robot, "#finding-pinning")).as("a new severity is drawn afresh").startsWith("● RED");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
