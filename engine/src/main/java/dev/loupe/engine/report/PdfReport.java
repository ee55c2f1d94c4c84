package dev.loupe.engine.report;

import dev.loupe.engine.io.AtomicFiles;
import dev.loupe.engine.run.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * {@code report.pdf}: {@link ReportContent} on A4 pages, in vector graphics and real text in an
 * embedded font, page numbers in the footer.
 */
public final class PdfReport {
    public static final String FILE_NAME = "report.pdf";

    private PdfReport() {}

    /** Writes the report to {@code file}, replacing it atomically; without a flame graph. */
    public static void write(Path file, RunReport report) throws IOException {
        write(file, report, Optional.empty());
    }

    /**
     * Writes the report to {@code file}, replacing it atomically.
     *
     * @param cpuStacks the server's CPU samples as collapsed stacks ({@code flame.collapsed}), drawn as
     *     a flame graph; empty when the run has none
     */
    public static void write(Path file, RunReport report, Optional<List<String>> cpuStacks) throws IOException {
        byte[] pdf = render(report, cpuStacks);
        AtomicFiles.write(file, out -> out.write(pdf));
    }

    /** The PDF's bytes. */
    public static byte[] render(RunReport report, Optional<List<String>> cpuStacks) throws IOException {
        RunResult r = report.result();
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Loupe run: " + r.scenario().name());
            info.setCreator("Loupe " + r.environment().loupeVersion());
            try (PdfPages pages = new PdfPages(doc)) {
                ReportContent.write(report, cpuStacks, pages);
                pages.footers(ReportContent.title(r));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
