package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A matrix's and a sweep's report.pdf and report.html, read back. */
class GridDocumentsTest {
    @TempDir
    Path dir;

    @Test
    void aMatrixReportHasItsTableAndGroupedBarsAsTextInEmbeddedFonts() throws Exception {
        GridDocuments.write(dir, GridGoldenTest.matrix());

        try (PDDocument pdf = Loader.loadPDF(dir.resolve(PdfReport.FILE_NAME).toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Loupe matrix: checkout & cart — 4 runs", "Runs", "Throughput per run",
                    "p99 latency per run", "a bar per load.keepAlive", "✗ failed to run", "– not run",
                    "thread-per-connection", "Interrupted: 3 of 4 runs ran");
            assertThat(text).as("a matrix has no scaling").doesNotContain("Scaling");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PdfReportTest.collectFonts(page.getResources(), fonts);
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
        }
        String html = Files.readString(dir.resolve(HtmlReport.FILE_NAME));
        assertThat(html).contains("<svg", "Throughput per run").doesNotContain("<script");
        assertThat(Files.list(dir)).as("no temporary file left").hasSize(2);
    }

    @Test
    void aSweepReportHasItsScalingCurveAndTable() throws Exception {
        GridDocuments.write(dir, GridGoldenTest.sweep());

        try (PDDocument pdf = Loader.loadPDF(dir.resolve(PdfReport.FILE_NAME).toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Loupe sweep: scalability — 3 runs", "Scaling", "Throughput against server.threads",
                    "ideal (linear from the first)", "1.89×", "95 %");
        }
    }
}
