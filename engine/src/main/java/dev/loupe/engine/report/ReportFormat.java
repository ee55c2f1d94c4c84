package dev.loupe.engine.report;

import dev.loupe.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A report written whole from a {@link RunReport}: a pure function from the report to text, and
 * an atomic write of that text (a crash leaves the old file or the new one, never half).
 */
public interface ReportFormat {
    /** The file's name in a run folder, e.g. {@code result.json}. */
    String fileName();

    /**
     * The file's text.
     *
     * @param folder where the file will be written; paths in the report (a request {@code bodyFile})
     *     are written relative to it when they lie below it
     */
    String render(RunReport report, Path folder);

    /** Writes the report to {@code file}, replacing it atomically. */
    default void write(Path file, RunReport report) throws IOException {
        Path target = file.toAbsolutePath();
        AtomicFiles.writeString(target, render(report, target.getParent()));
    }

    /** Writes the report into {@code folder} under {@link #fileName()} and returns the file. */
    default Path writeInto(Path folder, RunReport report) throws IOException {
        Path file = folder.resolve(fileName());
        write(file, report);
        return file;
    }

    /** {@code result.json}: see {@link ResultJson}. */
    static ReportFormat resultJson() {
        return Formats.RESULT_JSON;
    }

    /** {@code SUMMARY.md}: see {@link SummaryMarkdown}. */
    static ReportFormat summaryMarkdown() {
        return Formats.SUMMARY_MARKDOWN;
    }

    /** {@code intervals.csv}: see {@link IntervalsCsv}. */
    static ReportFormat intervalsCsv() {
        return Formats.INTERVALS_CSV;
    }

    /** The {@code --junit} file: see {@link JUnitXml}. */
    static ReportFormat junitXml() {
        return Formats.JUNIT_XML;
    }

    /** The text formats every run folder gets: {@code result.json}, {@code SUMMARY.md} and {@code intervals.csv}. */
    static List<ReportFormat> runFolder() {
        return List.of(resultJson(), summaryMarkdown(), intervalsCsv());
    }

    /** Writes every {@link #runFolder()} format into {@code folder}, {@code result.json} first. */
    static void writeAll(Path folder, RunReport report) throws IOException {
        for (ReportFormat format : runFolder()) {
            format.writeInto(folder, report);
        }
    }
}
