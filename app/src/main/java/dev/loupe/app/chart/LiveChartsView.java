package dev.loupe.app.chart;

import dev.loupe.app.live.LiveTimeline;
import dev.loupe.app.run.RunViewModel;
import dev.loupe.engine.chart.ChartSpec;
import dev.loupe.engine.chart.ChartTheme;
import dev.loupe.engine.chart.Lane;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The live charts, two columns on one shared time axis (the run's planned length), fed by one FX
 * timer at {@link #TICK_HZ} Hz that drains the run's feed and redraws only when a second arrived.
 * Hovering any chart draws the crosshair on every chart and shows each one's values at that time in
 * its subtitle; otherwise the subtitles show the latest values.
 */
public final class LiveChartsView extends VBox {
    /** How often the timer drains the feed: within the 4–10 Hz that keeps charts live and the FX thread free. */
    public static final int TICK_HZ = 5;

    private final RunViewModel run;
    private final List<LaneChart> charts = new ArrayList<>();
    private final Timeline timer;
    private final TickListener onTick;
    private final ChartPainter painter;
    private final java.util.Map<Lane.Side, Long> drawnRevisions = new java.util.EnumMap<>(Lane.Side.class);
    private double drawnWidth;
    private OptionalDouble hovered = OptionalDouble.empty();

    /** Told how the charts keep up: each tick's lateness, each chart's drawing time. */
    public interface TickListener {
        /** A tick ran {@code lateMs} after its schedule. */
        void ticked(double lateMs);

        /** One chart took {@code ns} to draw. */
        void drew(long ns);
    }

    public LiveChartsView(RunViewModel run, TickListener onTick) {
        this.run = run;
        this.onTick = onTick;
        painter = new ChartPainter(javafx.application.Platform::runLater);
        Label note = new Label("JVM lanes trail the load's by about a second (JFR delivers once a second) ·"
                + " hover a chart to read every chart at that time");
        note.setId("chartsNote");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setId("charts");
        grid.setHgap(6);
        grid.setVgap(6);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        List<ChartSpec> specs = ChartSpec.dashboard();
        for (int r = 0; r < (specs.size() + 1) / 2; r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / ((specs.size() + 1) / 2));
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        for (int i = 0; i < specs.size(); i++) {
            LaneChart chart = new LaneChart(specs.get(i), run.timeline(), painter, onTick::drew);
            chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(chart.timeAt(e.getX())));
            chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(OptionalDouble.empty()));
            charts.add(chart);
            grid.add(chart, i % 2, i / 2);
        }
        VBox.setVgrow(grid, Priority.ALWAYS);
        setSpacing(4);
        getChildren().addAll(note, grid);
        long periodMs = 1000 / TICK_HZ;
        long[] due = {0};
        timer = new Timeline(new KeyFrame(Duration.millis(periodMs), e -> {
            long now = System.nanoTime();
            double late = due[0] == 0 ? 0 : Math.max(0, (now - due[0]) / 1e6);
            due[0] = now + periodMs * 1_000_000;
            tick();
            onTick.ticked(late);
        }));
        timer.setCycleCount(Timeline.INDEFINITE);
        // the timer runs only while a run goes: a running animation makes JavaFX pulse 60 times a second,
        // which an idle window should not pay for; the run's last seconds are drained once more at its end
        run.runningProperty().addListener((o, was, now) -> {
            if (now) {
                timer.play();
            } else {
                timer.stop();
                tick();
            }
        });
        if (run.runningProperty().get()) {
            timer.play();
        }
    }

    /**
     * Drains the run's feed and redraws what changed: the timer's work, callable from tests. The load's
     * seconds and the JVM's arrive apart, so each redraws only the charts that draw its lanes; a new width
     * redraws all.
     */
    public void tick() {
        run.tick();
        boolean resized = getWidth() != drawnWidth;
        drawnWidth = getWidth();
        List<LaneChart> changed = new ArrayList<>();
        for (LaneChart chart : charts) {
            if (resized || chart.spec().sides().stream()
                    .anyMatch(side -> run.timeline().revision(side) != drawnRevisions.getOrDefault(side, -1L))) {
                changed.add(chart);
            }
        }
        for (Lane.Side side : Lane.Side.values()) {
            drawnRevisions.put(side, run.timeline().revision(side));
        }
        changed.forEach(LaneChart::refresh);
        subtitles(changed);
    }

    private boolean hoverPending;

    /** Runs {@code then} on the FX thread once every chart asked for so far is on screen. */
    public void afterPainting(Runnable then) {
        painter.afterPainting(then);
    }

    /** How many made-up drawings of each chart {@link #rehearse} makes: enough for the JIT to compile the drawing code. */
    static final int REHEARSALS = 40;

    /**
     * Draws every chart {@value #REHEARSALS} times with made-up points, off screen, then runs
     * {@code done} on the FX thread. The first drawings run interpreted while the JIT compiles them;
     * done while the user picks a scenario, that work does not take the cores from a run.
     */
    public void rehearse(Runnable done) {
        painter.rehearse(charts, REHEARSALS, done);
    }

    public void stopTimer() {
        timer.stop();
        painter.stop();
    }

    public void theme(ChartTheme theme) {
        charts.forEach(c -> {
            c.theme(theme);
            c.draw();
        });
    }

    /** Moves the crosshair: mouse moves are many, so every chart redraws at most once per pulse. */
    private void hover(OptionalDouble seconds) {
        hovered = seconds;
        if (!hoverPending) {
            hoverPending = true;
            javafx.application.Platform.runLater(() -> {
                hoverPending = false;
                charts.forEach(c -> c.hover(hovered));
                subtitles(charts);
            });
        }
    }

    /** Each chart's values at the hovered time, or its latest. */
    private void subtitles(List<LaneChart> which) {
        LiveTimeline timeline = run.timeline();
        for (LaneChart chart : which) {
            long atMs = hovered.isPresent() ? (long) (hovered.getAsDouble() * 1000)
                    : chart.spec().jvm() ? timeline.lastJvmMs() : timeline.lastLoadMs();
            String values = chart.spec().lanes().stream()
                    .filter(lane -> !lane.uncorrected())
                    .map(lane -> timeline.valueAt(lane, atMs).map(v -> (lane.shortLabel().isEmpty() ? "" : lane.shortLabel() + " ") + lane.format(v)).orElse(null))
                    .filter(v -> v != null)
                    .collect(Collectors.joining(" · "));
            String when = hovered.isPresent() ? "at " + Lane.compact(Math.floor(hovered.getAsDouble())) + " s: " : "";
            chart.values(values.isEmpty() ? (hovered.isPresent() ? "nothing measured then" : " ") : when + values);
            chart.draw();
        }
    }

    /** The charts, for tests: the spec and what the datasets hold. */
    List<LaneChart> charts() {
        return List.copyOf(charts);
    }
}
