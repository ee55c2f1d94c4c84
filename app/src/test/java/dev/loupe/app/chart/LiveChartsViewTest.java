package dev.loupe.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.run.RunViewModel;
import dev.loupe.engine.telemetry.DelayMs;
import dev.loupe.engine.telemetry.TelemetrySecond;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The charts on Monocle, from a timeline filled by hand: drawn off the FX thread, read by hovering. */
@ExtendWith(ApplicationExtension.class)
class LiveChartsViewTest {
    @TempDir
    static Path dir;

    private RunViewModel run;
    private LiveChartsView charts;

    @Start
    void start(Stage stage) {
        run = new RunViewModel(dir, InstantSource.system(), Runnable::run);
        run.timeline().reset(0, 10_000);
        for (int s = 0; s < 10; s++) {
            run.timeline().add(jvm(s, 100 + 10 * s));
        }
        charts = new LiveChartsView(run, new LiveChartsView.TickListener() {
            @Override
            public void ticked(double lateMs) {}

            @Override
            public void drew(long ns) {}
        });
        stage.setScene(new Scene(charts, 900, 700));
        stage.show();
    }

    private static TelemetrySecond jvm(int s, double heapMb) {
        return new TelemetrySecond(s * 1000L, s * 1000L + 1000, new DelayMs(1, 2, 3), null,
                heapMb, 40.0, 256.0, 40.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 8, 0, null, 50.0, 60.0, 100, 0);
    }

    @Test
    void hoveringOneChartReadsEveryChartAtThatSecond(FxRobot robot) throws Exception {
        robot.interact(charts::tick);
        LaneChart heap = chart("heap");
        LaneChart cpu = chart("cpu");
        assertThat(heap.valuesText()).as("not hovered: the latest second").startsWith("used 190 MB");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ((ImageView) heap.getChildrenUnmodifiable().getFirst())
                .getImage() != null);

        // the plot spans 0..10 s: a point 35 % of the way along it is in second 3
        var area = heap.plotArea();
        robot.moveTo(heap, javafx.geometry.Pos.TOP_LEFT,
                new javafx.geometry.Point2D(area.getMinX() + 0.35 * area.getWidth(), area.getCenterY()),
                org.testfx.robot.Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heap.valuesText()).startsWith("at 3 s: used 130 MB");
        assertThat(cpu.valuesText()).as("another chart, the same second").startsWith("at 3 s: JVM 50 %");

        robot.moveTo(robot.lookup("#chartsNote").queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heap.valuesText()).as("control: leaving the chart shows the latest again").startsWith("used 190 MB");
    }

    private LaneChart chart(String id) {
        return charts.charts().stream().filter(c -> c.spec().id().equals(id)).findFirst().orElseThrow();
    }
}
