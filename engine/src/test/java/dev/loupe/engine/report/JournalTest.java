package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.series.SecondInterval;
import dev.loupe.engine.telemetry.StackSecond;
import dev.loupe.engine.telemetry.TelemetrySummary;
import dev.loupe.engine.telemetry.ThreadRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    private Path file;

    private JournalHeader header(RunResult r) {
        return new JournalHeader(r.scenario(), r.environment(), r.startedAt(), r.serverUrl());
    }

    private Path writeJournal(boolean finish) throws Exception {
        RunResult r = SeededRun.open();
        file = dir.resolve(JournalWriter.FILE_NAME);
        try (JournalWriter journal = JournalWriter.open(file, header(r))) {
            for (JournalEntry e : SeededRun.openEntries()) {
                journal.append(e);
            }
            if (finish) {
                journal.finish(RunOutcome.COMPLETED);
            }
        }
        return file;
    }

    @Test
    void aJournalReadsBackAsWritten() throws Exception {
        RunResult r = SeededRun.open();
        writeJournal(true);

        Journal journal = JournalReader.read(file);

        assertThat(journal.warnings()).isEmpty();
        assertThat(journal.header()).contains(header(r));
        assertThat(journal.intervals()).isEqualTo(r.intervals());
        assertThat(journal.outcome()).contains(RunOutcome.COMPLETED);
        assertThat(journal.finished()).isTrue();
        List<JournalEntry> expected = SeededRun.openEntries();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(journal.entries().get(i).latency().toLatencyMs()).isEqualTo(expected.get(i).latency().toLatencyMs());
            assertThat(journal.entries().get(i).latency().count()).isEqualTo(expected.get(i).latency().count());
            assertThat(journal.entries().get(i).uncorrectedLatency().toLatencyMs())
                    .isEqualTo(expected.get(i).uncorrectedLatency().toLatencyMs());
        }
    }

    @Test
    void oneLinePerSecondEachAnIntervalsEntryOfResultJson() throws Exception {
        writeJournal(true);
        List<String> lines = Files.readAllLines(file);

        assertThat(lines).hasSize(1 + 4 + 1);
        assertThat(lines.getFirst()).startsWith("{\"type\":\"start\",\"schemaVersion\":2,\"startedAt\":\"2025-03-14T09:26:53.250Z\"");
        assertThat(lines.get(1)).startsWith("{\"type\":\"interval\",\"startMs\":0,\"endMs\":1000,\"warmup\":true,\"requests\":1800,");
        assertThat(lines.get(1)).contains("\"latencyHistogram\":\"HISTF");
        assertThat(lines.getLast()).isEqualTo("{\"type\":\"end\",\"outcome\":\"completed\"}");
    }

    @Test
    void eachLineIsOnDiskWhenAppendReturns() throws Exception {
        RunResult r = SeededRun.open();
        file = dir.resolve(JournalWriter.FILE_NAME);
        try (JournalWriter journal = JournalWriter.open(file, header(r))) {
            journal.append(r.intervals().get(0));
            journal.append(r.intervals().get(1));

            Journal sofar = JournalReader.read(file);
            assertThat(sofar.intervals()).containsExactly(r.intervals().get(0), r.intervals().get(1));
            assertThat(sofar.finished()).as("no end line yet").isFalse();
        }
    }

    @Test
    void aTruncatedLastLineIsSkippedWithAWarning() throws Exception {
        writeJournal(false);
        byte[] bytes = Files.readAllBytes(file);
        // A crash in the middle of writing the fourth interval line.
        int lastLineStart = lastIndexOf(bytes, (byte) '\n', bytes.length - 2) + 1;
        Files.write(file, Arrays.copyOf(bytes, lastLineStart + 150));

        Journal journal = JournalReader.read(file);

        assertThat(journal.intervals()).hasSize(3);
        assertThat(journal.finished()).isFalse();
        assertThat(journal.warnings()).singleElement().asString()
                .startsWith("journal.jsonl line 5 (the last): skipped, incomplete or unreadable, as after a crash");
    }

    @Test
    void aLineCutInsideAMultiByteCharacterIsSkippedToo() throws Exception {
        writeJournal(false);
        String text = Files.readString(file) + "{\"type\":\"interval\",\"note\":\"é";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));

        Journal journal = JournalReader.read(file);

        assertThat(journal.intervals()).hasSize(4);
        assertThat(journal.warnings()).singleElement().asString().contains("line 6 (the last)");
    }

    @Test
    void aBadLineInTheMiddleIsSkippedAndNamed() throws Exception {
        writeJournal(true);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(2, "{\"type\":\"interval\",\"startMs\":\"soon\"}");
        lines.add(3, "not json at all");
        lines.add(4, "{\"type\":\"telemetry\",\"from\":\"a newer Loupe\"}");
        Files.write(file, lines);

        Journal journal = JournalReader.read(file);

        assertThat(journal.intervals()).hasSize(3);
        assertThat(journal.finished()).isTrue();
        assertThat(journal.warnings()).hasSize(2);
        assertThat(journal.warnings().get(0)).startsWith("journal.jsonl line 3: skipped, ");
        assertThat(journal.warnings().get(1)).startsWith("journal.jsonl line 4: skipped, ");
    }

    @Test
    void theJvmsSecondsHaveLinesOfTheirOwnAndReadBack() throws Exception {
        RunResult r = SeededRun.open();
        file = dir.resolve(JournalWriter.FILE_NAME);
        try (JournalWriter journal = JournalWriter.open(file, header(r))) {
            for (SecondInterval i : r.intervals()) {
                journal.append(i.withTelemetry(null)); // live, before the JVM's side arrives
                journal.append(i.telemetry());
            }
            journal.finish(RunOutcome.COMPLETED);
        }
        List<String> lines = Files.readAllLines(file);

        assertThat(lines.get(1)).startsWith("{\"type\":\"interval\"").doesNotContain("telemetry");
        assertThat(lines.get(2)).startsWith("{\"type\":\"telemetry\",\"startMs\":0,\"endMs\":1000,\"dispatchDelayMs\":");
        Journal journal = JournalReader.read(file);
        assertThat(journal.warnings()).isEmpty();
        assertThat(journal.telemetry()).isEqualTo(r.intervals().stream().map(SecondInterval::telemetry).toList());
        assertThat(journal.intervals()).allSatisfy(i -> assertThat(i.telemetry()).isNull());
    }

    @Test
    void aJournalWithoutItsStartLineStillGivesItsIntervals() throws Exception {
        writeJournal(true);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(1, lines.size()));

        Journal journal = JournalReader.read(file);

        assertThat(journal.header()).isEmpty();
        assertThat(journal.intervals()).hasSize(4);
        assertThat(journal.warnings()).containsExactly(
                "journal.jsonl: no start line, so the scenario, environment and start time are unknown");
    }

    @Test
    void anEmptyJournalIsEmpty() throws Exception {
        file = Files.createFile(dir.resolve(JournalWriter.FILE_NAME));

        Journal journal = JournalReader.read(file);

        assertThat(journal.header()).isEmpty();
        assertThat(journal.entries()).isEmpty();
        assertThat(journal.warnings()).isEmpty();
    }

    @Test
    void aFinishedRunsEndLineKeepsWhatItsSecondsDoNotGive() throws Exception {
        RunResult r = SeededRun.open();
        file = dir.resolve(JournalWriter.FILE_NAME);
        try (JournalWriter journal = JournalWriter.open(file, header(r))) {
            for (JournalEntry e : SeededRun.openEntries()) {
                journal.append(e);
            }
            journal.finish(r, SeededRun.extraThresholds());
        }

        Journal journal = JournalReader.read(file);

        assertThat(journal.warnings()).isEmpty();
        JournalEnd end = journal.end().orElseThrow();
        assertThat(end.summary()).isEqualTo(r.summary());
        assertThat(end.telemetry()).isEqualTo(r.telemetry());
        assertThat(end.notes()).isEqualTo(r.notes());
        assertThat(end.findings()).isEqualTo(r.findings());
        assertThat(end.extraThresholds()).isEqualTo(SeededRun.extraThresholds());
        RunResult rebuilt = RunRebuild.result(journal, journal.header().orElseThrow());
        assertThat(JsonSupport.compact(ResultJson.measured(rebuilt, dir)))
                .isEqualTo(JsonSupport.compact(ResultJson.measured(r, dir)));
    }

    @Test
    void theJournalOfTheSeededRunMatchesItsGoldenFile() throws Exception {
        RunResult r = SeededRun.open();
        file = dir.resolve(JournalWriter.FILE_NAME);
        List<JournalEntry> entries = SeededRun.openJournalEntries();
        try (JournalWriter journal = JournalWriter.open(file, header(r))) {
            for (int s = 0; s < entries.size(); s++) {
                JournalEntry e = entries.get(s);
                journal.append(e.interval().withTelemetry(null), e.detail());
                journal.append(e.interval().telemetry());
                journal.append(new StackSecond(s * 1000L, (s + 1) * 1000L,
                        Map.of("java.lang.Thread.run_[0];app.Loop.run_[j];app.Sleep.handle_[j]", 40L + s), Map.of(),
                        0, Map.of(ThreadRole.GENERATOR, 3L)));
            }
            journal.checkpoint(r.telemetry());
            journal.finish(r, SeededRun.extraThresholds());
        }

        Golden.check("open/journal.jsonl", Files.readString(file));
    }

    @Test
    void eachSecondsStacksAddUpAndEachStackAndFrameIsWrittenOnce() throws Exception {
        RunResult r = SeededRun.open();
        file = dir.resolve(JournalWriter.FILE_NAME);
        String handler = "java.lang.Thread.run_[0];app.Handler.handle_[j]";
        String parse = "java.lang.Thread.run_[0];app.Parser.parse_[i]";
        try (JournalWriter journal = JournalWriter.open(file, header(r))) {
            journal.append(new StackSecond(0, 1000, Map.of(handler, 3L, parse, 1L), Map.of(handler, 4096L), 2,
                    Map.of(ThreadRole.GENERATOR, 5L)));
            journal.append(new StackSecond(1000, 2000, Map.of(handler, 2L), Map.of(), 0, Map.of(ThreadRole.TELEMETRY, 1L)));
        }
        List<String> lines = Files.readAllLines(file);

        assertThat(lines.get(1)).contains("\"newFrames\":[\"java.lang.Thread.run_[0]\",\"app.Handler.handle_[j]\",\"app.Parser.parse_[i]\"]")
                .contains("\"cpu\":[[0,3],[1,1]]").contains("\"alloc\":[[0,4096]]");
        assertThat(lines.get(2)).doesNotContain("newFrames").doesNotContain("newStacks").contains("\"cpu\":[[0,2]]");
        JournalStacks stacks = JournalReader.read(file).stacks();
        assertThat(stacks.cpuSamples()).containsOnly(Map.entry(handler, 5L), Map.entry(parse, 1L));
        assertThat(stacks.allocationBytes()).containsOnly(Map.entry(handler, 4096L));
        assertThat(stacks.allocationSamples()).isEqualTo(2);
        assertThat(stacks.leftOut()).containsOnly(Map.entry(ThreadRole.GENERATOR, 5L), Map.entry(ThreadRole.TELEMETRY, 1L));
        assertThat(stacks.seconds()).isEqualTo(2);
    }

    @Test
    void aSecondKeepsItsHeaviestStacksAndCountsTheRestAsOne() {
        Map<String, Long> many = new java.util.HashMap<>();
        for (int i = 0; i < StackSecond.MAX_STACKS + 50; i++) {
            many.put("a;f" + i, (long) i + 1);
        }
        long total = many.values().stream().mapToLong(Long::longValue).sum();

        StackSecond second = new StackSecond(0, 1000, many, Map.of(), 0, Map.of());

        assertThat(second.cpuSamples()).hasSize(StackSecond.MAX_STACKS).containsKey(StackSecond.OTHER_STACKS)
                .containsEntry("a;f249", 250L).doesNotContainKey("a;f0");
        assertThat(second.cpuSamples().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
    }

    @Test
    void theLastCheckpointIsTheOneKept() throws Exception {
        RunResult r = SeededRun.open();
        file = dir.resolve(JournalWriter.FILE_NAME);
        TelemetrySummary later = new TelemetrySummary(r.telemetry().dispatchDelayMs(), r.telemetry().hiccupMs(),
                new TelemetrySummary.Gc(99, 1, 1), r.telemetry().heap(), r.telemetry().pinned(), r.telemetry().contention(),
                r.telemetry().threads(), r.telemetry().process(), r.telemetry().dispatchTargets(), r.telemetry().evidence(), 0);
        try (JournalWriter journal = JournalWriter.open(file, header(r))) {
            journal.checkpoint(r.telemetry());
            journal.checkpoint(later);
        }

        Journal journal = JournalReader.read(file);

        assertThat(journal.checkpoint()).contains(later);
        assertThat(journal.finished()).isFalse();
        assertThat(journal.end()).isEmpty();
    }

    @Test
    void aCrashedRunIsAddedUpFromItsSeconds() throws Exception {
        writeJournal(false);
        RunResult r = SeededRun.open();

        Journal journal = JournalReader.read(file);
        RunResult rebuilt = RunRebuild.result(journal, journal.header().orElseThrow());

        assertThat(rebuilt.outcome()).isEqualTo(RunOutcome.CRASHED);
        assertThat(rebuilt.summary().requests()).isEqualTo(r.summary().requests());
        assertThat(rebuilt.summary().latencyMs()).isEqualTo(r.summary().latencyMs());
        assertThat(rebuilt.summary().durationS()).isEqualTo(r.summary().durationS());
        assertThat(rebuilt.intervals()).hasSize(r.intervals().size());
        assertThat(rebuilt.notes()).first().asString().startsWith("rebuilt from journal.jsonl: its last second ends at 0:04");
    }

    private static int lastIndexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
