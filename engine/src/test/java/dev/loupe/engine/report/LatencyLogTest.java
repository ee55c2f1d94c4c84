package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.measure.LatencyMs;
import dev.loupe.engine.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyLogTest {
    @TempDir
    Path dir;

    private static List<Histogram> readAll(Path file) throws Exception {
        List<Histogram> all = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            while (reader.hasNext()) {
                all.add((Histogram) reader.nextIntervalHistogram());
            }
        }
        return all;
    }

    @Test
    void aStreamedLogReadsBackWithTheSameCountsAndPercentiles() throws Exception {
        List<JournalEntry> entries = SeededRun.openEntries();
        Path file = dir.resolve(LatencyLog.FILE_NAME);

        try (LatencyLog log = LatencyLog.open(file, SeededRun.STARTED_AT, Duration.ofSeconds(1))) {
            for (JournalEntry e : entries) {
                log.append(e.interval(), e.latency());
            }
        }

        List<Histogram> read = readAll(file);
        assertThat(read).hasSize(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Histogram h = read.get(i);
            JournalEntry e = entries.get(i);
            assertThat(h.getTotalCount()).isEqualTo(e.interval().requests());
            assertThat(LatencyMs.of(h)).as("interval %d", i).isEqualTo(e.interval().latencyMs());
            assertThat(h.getStartTimeStamp()).isEqualTo(SeededRun.STARTED_AT.toEpochMilli() + e.interval().startMs());
            assertThat(h.getEndTimeStamp()).isEqualTo(SeededRun.STARTED_AT.toEpochMilli() + e.interval().endMs());
        }
        assertThat(Files.readAllLines(file).getFirst()).isEqualTo("#Loupe latency log: corrected latency (from each"
                + " request's intended start); values in nanoseconds, the Interval_Max column in milliseconds");
        assertThat(Files.readString(file)).contains("#One histogram per interval of the run; intervals before 1.000 s are warm-up");
    }

    @Test
    void eachIntervalIsOnDiskAsSoonAsItIsAppended() throws Exception {
        List<JournalEntry> entries = SeededRun.openEntries();
        Path file = dir.resolve(LatencyLog.FILE_NAME);

        try (LatencyLog log = LatencyLog.open(file, SeededRun.STARTED_AT, Duration.ofSeconds(1))) {
            log.append(entries.get(0).interval(), entries.get(0).latency());
            log.append(entries.get(1).interval(), entries.get(1).latency());

            assertThat(readAll(file)).extracting(Histogram::getTotalCount).containsExactly(1800L, 1950L);
        }
    }

    @Test
    void aLogRebuiltFromTheJournalEqualsTheStreamedOne() throws Exception {
        List<JournalEntry> entries = SeededRun.openEntries();
        Path streamed = dir.resolve("streamed.hlog");
        Path rebuilt = dir.resolve("rebuilt.hlog");
        try (LatencyLog log = LatencyLog.open(streamed, SeededRun.STARTED_AT, Duration.ofSeconds(1))) {
            for (JournalEntry e : entries) {
                log.append(e.interval(), e.latency());
            }
        }

        LatencyLog.write(rebuilt, SeededRun.STARTED_AT, Duration.ofSeconds(1), entries);

        assertThat(Files.readString(rebuilt)).isEqualTo(Files.readString(streamed));
    }

    @Test
    void theWholeRunLogIsOneHistogramOfTheMeasuredPart() throws Exception {
        RunResult result = SeededRun.open();
        Path file = dir.resolve(LatencyLog.FILE_NAME);

        LatencyLog.writeWholeRun(file, result);

        List<Histogram> read = readAll(file);
        assertThat(read).hasSize(1);
        assertThat(read.getFirst().getTotalCount()).isEqualTo(result.summary().requests());
        assertThat(LatencyMs.of(read.getFirst())).isEqualTo(result.summary().latencyMs());
        assertThat(read.getFirst().getStartTimeStamp()).isEqualTo(SeededRun.STARTED_AT.toEpochMilli() + 1000);
        assertThat(read.getFirst().getEndTimeStamp()).isEqualTo(SeededRun.STARTED_AT.toEpochMilli() + 4000);
    }

    @Test
    void theLogIsTheSameInEveryLocale() throws Exception {
        List<JournalEntry> entries = SeededRun.openEntries();
        Locale saved = Locale.getDefault();
        try {
            LatencyLog.write(dir.resolve("root.hlog"), SeededRun.STARTED_AT, Duration.ofSeconds(1), entries);
            Locale.setDefault(Locale.forLanguageTag("de-DE"));
            LatencyLog.write(dir.resolve("de.hlog"), SeededRun.STARTED_AT, Duration.ofSeconds(1), entries);
        } finally {
            Locale.setDefault(saved);
        }
        assertThat(Files.readString(dir.resolve("de.hlog"))).isEqualTo(Files.readString(dir.resolve("root.hlog")))
                .contains("#[StartTime: 1741944413.250 (seconds since epoch), 2025-03-14T09:26:53.250Z]");
    }
}
