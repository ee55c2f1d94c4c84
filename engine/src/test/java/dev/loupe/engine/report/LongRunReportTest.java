package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.TelemetrySecond;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** A ten-minute run's reports: the PDF stays small (its charts hold at most a pair of points per column). */
class LongRunReportTest {
    static final int SECONDS = 600;

    /** The seeded open run stretched to ten minutes: its four seconds over and over, one spike at 300 s. */
    static RunResult tenMinutes() throws Exception {
        RunResult base = SeededRun.open();
        List<SecondInterval> intervals = new ArrayList<>();
        for (int s = 0; s < SECONDS; s++) {
            SecondInterval like = base.intervals().get(1 + s % 3);
            long start = s * 1000L;
            TelemetrySecond jvm = with(like.telemetry(), start, start + 1000);
            intervals.add(new SecondInterval(start, start + 1000, s == 0, like.requests(), like.throughputRps() + s % 13,
                    like.errors(), like.connectionsOpen(), like.latencyMs(), like.uncorrectedLatencyMs(),
                    like.behindScheduleMs(), jvm));
        }
        return new RunResult(base.scenario(), base.environment(), base.startedAt(), base.outcome(), base.serverUrl(),
                base.summary(), intervals, base.latency(), base.uncorrectedLatency(), base.telemetry(), base.notes(),
                base.findings());
    }

    /** {@code second} moved to {@code [startMs, endMs)}. */
    private static TelemetrySecond with(TelemetrySecond second, long startMs, long endMs) throws Exception {
        RecordComponent[] parts = TelemetrySecond.class.getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = switch (parts[i].getName()) {
                case "startMs" -> startMs;
                case "endMs" -> endMs;
                default -> parts[i].getAccessor().invoke(second);
            };
        }
        Constructor<TelemetrySecond> canonical = TelemetrySecond.class.getDeclaredConstructor(types);
        return canonical.newInstance(values);
    }

    @Test
    void aTenMinutePdfStaysUnderTwoMegabytes() throws Exception {
        List<String> stacks = new ArrayList<>();
        for (int i = 0; i < 400; i++) { // a wide flame graph too
            stacks.add("java.lang.Thread.run;a.Server.loop;a.Handler" + (i % 40) + ".handle;a.Codec" + i + ".parse " + (1 + i % 9));
        }
        byte[] pdf = PdfReport.render(RunReport.of(tenMinutes()), Optional.of(stacks));

        assertThat(pdf.length).as("report.pdf of a ten-minute run, bytes").isLessThan(2 * 1024 * 1024);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isBetween(4, 14);
        }
        String html = HtmlReport.render(RunReport.of(tenMinutes()), Optional.of(stacks));
        assertThat(html.length()).as("report.html of a ten-minute run, characters").isLessThan(4 * 1024 * 1024);
    }
}
