package dev.loupe.app.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one thread that draws the live charts, off the FX thread: each chart's newest frame replaces
 * any it had waiting (a chart is never drawn twice for one tick), and each batch of drawings goes
 * back to the FX thread in one hand-over, so the window changes in one frame rather than in several.
 * Its thread is named {@value #THREAD}, so a run's attribution counts it on Loupe's side, not the
 * server's. Once stopped it draws nothing and runs what waits for it at once.
 */
final class ChartPainter {
    /** The painting thread's name. */
    static final String THREAD = "loupe-ui-chart-painter";

    private final Consumer<Runnable> fx;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD);
        t.setDaemon(true);
        return t;
    });
    /** Frames waiting, the newest per chart; guarded by itself, as is {@link #scheduled}. */
    private final Map<LaneChart, LaneChart.Frame> waiting = new LinkedHashMap<>();
    private boolean scheduled;
    private volatile boolean stopped;

    /** @param fx runs a batch of finished drawings on the FX thread ({@code Platform::runLater}) */
    ChartPainter(Consumer<Runnable> fx) {
        this.fx = fx;
    }

    /** Draws {@code frame} of {@code chart} soon, instead of any frame of it not yet drawn. */
    void paint(LaneChart chart, LaneChart.Frame frame) {
        synchronized (waiting) {
            waiting.put(chart, frame);
            if (scheduled || stopped) {
                return;
            }
            scheduled = true;
        }
        run(this::drain);
    }

    /**
     * Draws made-up frames of {@code charts}, {@code rounds} times each, and throws them away, then
     * runs {@code done} on the FX thread: the drawing code is compiled before a run needs the cores.
     */
    void rehearse(List<LaneChart> charts, int rounds, Runnable done) {
        for (int r = 0; r < rounds; r++) {
            List<LaneChart.Frame> frames = new java.util.ArrayList<>();
            for (LaneChart c : charts) {
                frames.add(c.rehearsal(r));
            }
            // one round a task, so a real drawing asked for meanwhile waits for one round at most
            run(() -> {
                for (int c = 0; c < charts.size() && !stopped; c++) {
                    try {
                        charts.get(c).render(frames.get(c));
                    } catch (RuntimeException e) {
                        // a rehearsal that fails changes nothing on screen; the real drawing says why
                    }
                }
            });
        }
        afterPainting(done);
    }

    /** Runs {@code then} on the FX thread once everything asked for so far is on screen. */
    void afterPainting(Runnable then) {
        run(() -> fx.accept(then), then);
    }

    void stop() {
        stopped = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Runnable work) {
        run(work, null);
    }

    /** Runs {@code work} on the painter; once it is stopped, runs {@code instead} (if any) on the FX thread. */
    private void run(Runnable work, Runnable instead) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException stoppedAlready) {
            if (instead != null) {
                fx.accept(instead);
            }
        }
    }

    private void drain() {
        List<Runnable> shown = new java.util.ArrayList<>();
        try {
            while (!stopped) {
                Map.Entry<LaneChart, LaneChart.Frame> next;
                synchronized (waiting) {
                    var it = waiting.entrySet().iterator();
                    if (!it.hasNext()) {
                        break;
                    }
                    next = it.next();
                    it.remove();
                }
                LaneChart chart = next.getKey();
                try {
                    LaneChart.Drawn drawn = chart.render(next.getValue());
                    shown.add(() -> chart.show(drawn));
                } catch (RuntimeException | Error e) {
                    // a chart that cannot draw keeps its last picture; the others go on
                    System.err.println("loupe: the " + chart.spec().id() + " chart could not be drawn: " + e);
                }
            }
        } finally {
            boolean more;
            synchronized (waiting) {
                more = !waiting.isEmpty() && !stopped;
                scheduled = more;
            }
            if (more) {
                run(this::drain); // frames that came while the last was handed over
            }
            if (!shown.isEmpty()) {
                fx.accept(() -> shown.forEach(Runnable::run));
            }
        }
    }
}
