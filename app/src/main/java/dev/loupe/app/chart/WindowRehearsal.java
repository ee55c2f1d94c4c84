package dev.loupe.app.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The window's share of the rehearsal: an off-screen likeness of the live window (chart images whose
 * pixels change, labels whose numbers change, a progress bar) rendered to an image a few dozen
 * times, one round a pulse. A run changes exactly those things every second, and the first hundred
 * frames of it otherwise run JavaFX's layout, text and software rendering code interpreted while the
 * JIT compiles it, on the cores the run needs. Nothing of it is ever shown.
 */
final class WindowRehearsal {
    private static final int CHARTS = 8;
    private static final int LABELS = 12;

    private final List<WritableImage> images = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final VBox root = new VBox(4);
    private final int[] pixels;
    private final int chartW;
    private final int chartH;
    private WritableImage snapshot;

    WindowRehearsal(double width, double height) {
        chartW = (int) Math.max(200, width / 2 - 12);
        chartH = (int) Math.max(100, (height - 200) / 4);
        pixels = new int[chartW * chartH];
        for (int i = 0; i < LABELS; i++) {
            Label l = new Label("-");
            labels.add(l);
            root.getChildren().add(l);
        }
        root.getChildren().add(progress);
        GridPane grid = new GridPane();
        for (int i = 0; i < CHARTS; i++) {
            WritableImage image = new WritableImage(chartW, chartH);
            images.add(image);
            grid.add(new ImageView(image), i % 2, i / 2);
        }
        root.getChildren().add(grid);
        root.resize(width, height);
    }

    /** Runs {@code rounds} rounds, one per pulse, then {@code done}; on the FX thread. */
    void run(int rounds, Runnable done) {
        round(0, rounds, done);
    }

    private void round(int r, int rounds, Runnable done) {
        if (r >= rounds) {
            snapshot = null;
            done.run();
            return;
        }
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = 0xFF000000 | ((i * 31 + r * 7) & 0xFFFFFF);
        }
        for (WritableImage image : images) {
            image.getPixelWriter().setPixels(0, 0, chartW, chartH, PixelFormat.getIntArgbPreInstance(), pixels, 0, chartW);
        }
        for (int i = 0; i < labels.size(); i++) {
            labels.get(i).setText(String.format(Locale.ROOT, "p99 %.2f ms · %,d req/s · %d s", (r * 13 + i) / 7.0,
                    150_000 + r * 977 + i, r + i));
        }
        progress.setProgress((r % 20) / 20.0);
        snapshot = root.snapshot(null, snapshot);
        Platform.runLater(() -> round(r + 1, rounds, done));
    }
}
