package dev.loupe.engine.report;

import dev.loupe.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code report.html}: {@link ReportContent} as one self-contained page ({@link HtmlPages}). */
public final class HtmlReport {
    public static final String FILE_NAME = "report.html";

    private HtmlReport() {}

    /** The page's text. */
    public static String render(RunReport report, Optional<List<String>> cpuStacks) throws IOException {
        HtmlPages pages = new HtmlPages();
        ReportContent.write(report, cpuStacks, pages);
        return pages.page(ReportContent.title(report.result()));
    }

    /** Writes the page to {@code file}, replacing it atomically. */
    public static void write(Path file, RunReport report, Optional<List<String>> cpuStacks) throws IOException {
        AtomicFiles.writeString(file, render(report, cpuStacks));
    }
}
