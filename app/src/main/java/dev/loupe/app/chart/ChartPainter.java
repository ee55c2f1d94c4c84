package dev.loupe.app.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The one thread that draws the live charts, off the FX thread: each chart's newest frame replaces
 * any it had waiting (a chart is never drawn twice for one tick), and each batch of drawings goes
 * back to the FX thread in one hand-over. Its thread is named {@value #THREAD}, so a run's attribution
 * counts it on Loupe's side, not the server's.
 */
final class ChartPainter {
    /** The painting thread's name. */
    static final String THREAD = "loupe-ui-chart-painter";

    private final Consumer<Runnable> fx;
    private final LongConsumer drew;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD);
        t.setDaemon(true);
        return t;
    });
    /** Frames waiting, the newest per chart; guarded by itself. */
    private final Map<LaneChart, LaneChart.Frame> waiting = new LinkedHashMap<>();
    private boolean scheduled;

    /**
     * @param fx runs a batch of finished drawings on the FX thread ({@code Platform::runLater})
     * @param drew told how long each chart took to draw, in ns
     */
    ChartPainter(Consumer<Runnable> fx, LongConsumer drew) {
        this.fx = fx;
        this.drew = drew;
    }

    /** Draws {@code frame} of {@code chart} soon, instead of any frame of it not yet drawn. */
    void paint(LaneChart chart, LaneChart.Frame frame) {
        synchronized (waiting) {
            waiting.put(chart, frame);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        thread.execute(this::drain);
    }

    /** Runs {@code then} on the FX thread once everything asked for so far is on screen. */
    void afterPainting(Runnable then) {
        thread.execute(() -> fx.accept(then));
    }

    void stop() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        List<Runnable> shown = new ArrayList<>();
        while (true) {
            Map.Entry<LaneChart, LaneChart.Frame> next;
            synchronized (waiting) {
                var it = waiting.entrySet().iterator();
                if (!it.hasNext()) {
                    scheduled = false;
                    break;
                }
                next = it.next();
                it.remove();
            }
            long start = System.nanoTime();
            LaneChart chart = next.getKey();
            try {
                LaneChart.Drawn drawn = chart.render(next.getValue());
                shown.add(() -> chart.show(drawn));
            } catch (RuntimeException e) {
                // a chart that cannot draw keeps its last picture; the others go on
                System.err.println("loupe: the " + chart.spec().id() + " chart could not be drawn: " + e);
            }
            drew.accept(System.nanoTime() - start);
        }
        if (!shown.isEmpty()) {
            fx.accept(() -> shown.forEach(Runnable::run));
        }
    }
}
