package dev.loupe.engine.report;

import dev.loupe.engine.run.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A run folder's documents: the flame graphs, {@code report.pdf} and {@code report.html}, at a run's
 * end and when {@code loupe report} rebuilds the folder. A file that fails is logged and the others
 * are still written. Java2D's fonts need the system's font libraries, which a stripped-down machine
 * may lack: their errors ({@link LinkageError}, {@link InternalError}) cost the documents, never the run.
 */
final class Documents {
    private Documents() {}

    /**
     * Writes the documents of {@code report} into {@code folder}.
     *
     * @param journalStacks the flame graphs' source when the folder has no readable {@code
     *     recording.jfr}; {@link JournalStacks#NONE} for none
     * @return the files written
     */
    static List<String> write(Path folder, RunReport report, JournalStacks journalStacks, RunLog log) {
        long startNs = System.nanoTime();
        List<String> files = new ArrayList<>();
        Optional<List<String>> cpuStacks = flames(folder, report.result().scenario().name(), journalStacks, log);
        if (cpuStacks.isPresent()) {
            files.addAll(FlameGraphs.files());
        }
        try {
            PdfReport.write(folder.resolve(PdfReport.FILE_NAME), report, cpuStacks);
            files.add(PdfReport.FILE_NAME);
        } catch (IOException | RuntimeException | LinkageError | InternalError e) {
            log.error("cannot write " + PdfReport.FILE_NAME + "; the other files are written", e);
        }
        try {
            HtmlReport.write(folder.resolve(HtmlReport.FILE_NAME), report, cpuStacks);
            files.add(HtmlReport.FILE_NAME);
        } catch (IOException | RuntimeException | LinkageError | InternalError e) {
            log.error("cannot write " + HtmlReport.FILE_NAME + "; the other files are written", e);
        }
        log.info(String.format(Locale.ROOT, "documents written in %d ms: %s", (System.nanoTime() - startNs) / 1_000_000,
                String.join(", ", files)));
        return files;
    }

    /**
     * The flame graphs from the recording, or from the journal's stacks when there is no recording or
     * it cannot be read.
     *
     * @return the CPU graph's lines; empty when no graph was written
     */
    private static Optional<List<String>> flames(Path folder, String title, JournalStacks journalStacks, RunLog log) {
        Path recording = folder.resolve(RunFolder.RECORDING_FILE_NAME);
        if (Files.isRegularFile(recording)) {
            try {
                return Optional.of(logged(FlameGraphs.write(recording, folder, title), RunFolder.RECORDING_FILE_NAME, log));
            } catch (IOException | RuntimeException | LinkageError | InternalError e) {
                log.error("cannot write the flame graphs from " + RunFolder.RECORDING_FILE_NAME
                        + (journalStacks.isEmpty() ? "; the other files are written" : "; they come from the journal's stacks"), e);
            }
        }
        if (!journalStacks.isEmpty()) {
            try {
                return Optional.of(logged(FlameGraphs.write(journalStacks, folder, title),
                        JournalWriter.FILE_NAME + "'s stacks (" + journalStacks.seconds() + " s)", log));
            } catch (IOException | RuntimeException | LinkageError | InternalError e) {
                log.error("cannot write the flame graphs from " + JournalWriter.FILE_NAME + "; the other files are written", e);
            }
        }
        return Optional.empty();
    }

    private static List<String> logged(FlameGraphs.Counts counts, String source, RunLog log) {
        log.info("flame graphs from " + source + ": " + counts.cpuSamples() + " CPU samples and "
                + counts.allocationSamples() + " allocation samples of the server; " + counts.leftOutTotal()
                + " samples of Loupe's and the JVM's own threads left out " + counts.leftOut());
        return counts.cpuStacks();
    }
}
