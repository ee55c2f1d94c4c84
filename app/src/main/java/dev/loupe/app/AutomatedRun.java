package dev.loupe.app;

import dev.loupe.engine.cli.ExitCodes;
import dev.loupe.engine.session.SessionOutcome;
import java.io.IOException;
import java.io.PrintStream;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * A run the dashboard does by itself ({@code --open FILE --autostart [--screenshot PNG]
 * [--exit-after-run]}): open, start, and when the run ends save the screenshot after the last redraw and exit with {@code loupe run}'s code. What goes
 * wrong is said on stderr with the usual exit codes; nothing waits for a click.
 */
final class AutomatedRun {
    /** How long after the run's end the screenshot waits: the last findings and one chart tick drawn. */
    private static final Duration SETTLE = Duration.millis(700);

    private final DashboardOptions options;
    private final MainViewModel model;
    private final MainView view;
    private final Stage stage;
    private final PrintStream err = System.err;

    AutomatedRun(DashboardOptions options, MainViewModel model, MainView view, Stage stage) {
        this.options = options;
        this.model = model;
        this.view = view;
        this.stage = stage;
    }

    void begin() {
        model.run().runningProperty().addListener((o, was, now) -> {
            if (was && !now) {
                ended();
            }
        });
        if (options.open() != null && !model.open(options.open())) {
            fail(ExitCodes.BAD_INPUT, options.open() + ": " + model.messageProperty().get());
            return;
        }
        if (options.autostart()) {
            Platform.runLater(() -> {
                if (!model.start()) {
                    fail(ExitCodes.BAD_INPUT, (options.open() == null ? "the scenario" : options.open()) + ": "
                            + model.messageProperty().get());
                }
            });
        } else if (options.screenshot() != null) {
            settleThen(() -> {
                screenshot();
                if (options.exitAfterRun()) {
                    exit(ExitCodes.OK);
                }
            });
        }
    }

    private void ended() {
        SessionOutcome outcome = model.run().outcomeProperty().get();
        settleThen(() -> {
            screenshot();
            if (options.exitAfterRun()) {
                exit(exitCodeOf(outcome));
            }
        });
    }

    private void settleThen(Runnable then) {
        PauseTransition pause = new PauseTransition(SETTLE);
        pause.setOnFinished(e -> {
            view.charts().tick();
            view.charts().afterPainting(then);
        });
        pause.play();
    }

    private void screenshot() {
        if (options.screenshot() == null) {
            return;
        }
        try {
            Screenshot.save(stage.getScene(), options.screenshot());
            err.println("loupe: screenshot " + options.screenshot().toAbsolutePath());
        } catch (IOException e) {
            err.println("loupe: cannot save the screenshot " + options.screenshot() + ": " + e.getMessage());
        }
    }

    /** {@code loupe run}'s exit code for the same outcome. */
    static int exitCodeOf(SessionOutcome outcome) {
        return switch (outcome) {
            case SessionOutcome.ScenarioFinished done -> done.stopped() ? ExitCodes.INTERRUPTED
                    : done.written().failedThresholds() > 0 || done.guarded() ? ExitCodes.THRESHOLD_FAILED : ExitCodes.OK;
            case SessionOutcome.SetupFailed failed -> ExitCodes.BAD_INPUT;
            case SessionOutcome.Failed failed -> ExitCodes.INTERNAL_ERROR;
            case SessionOutcome.LoadFinished load -> ExitCodes.OK;
            case null -> ExitCodes.INTERNAL_ERROR;
        };
    }

    private void fail(int code, String message) {
        err.println("loupe: " + message);
        if (options.exitAfterRun()) {
            exit(code);
        }
    }

    private void exit(int code) {
        LoupeApp.exitWith(code);
        stage.close();
        Platform.exit();
    }
}
