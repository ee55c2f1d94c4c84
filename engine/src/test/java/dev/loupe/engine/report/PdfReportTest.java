package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF read back as a reader's tools read it: its text, its fonts, its pages rendered. */
class PdfReportTest {
    @TempDir
    Path dir;

    @Test
    void theReportIsTextInEmbeddedFontsWithEverySection() throws Exception {
        RunReport report = RunReport.of(SeededRun.open(), SeededRun.extraThresholds());
        Path file = dir.resolve(PdfReport.FILE_NAME);
        PdfReport.write(file, report);

        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertThat(pdf.getNumberOfPages()).isBetween(3, 12);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Loupe run: " + report.result().scenario().name(), "Verdict", "Headline",
                    "Results", "Latency", "Memory, threads and the JVM", "Thresholds", "Findings",
                    "The run, second by second", "Latency distribution", "page 1 of");
            assertThat(text).as("the first finding is the headline").contains(report.findingsWorstFirst().getFirst().title());
            assertThat(text).as("signs the standard fonts cannot print").contains("µs").containsAnyOf("≥", "→", "·");
            assertThat(text).as("a chart's text is text too").contains("Throughput", "Dispatch delay");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                collectFonts(page.getResources(), fonts);
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
        }
    }

    @Test
    void theFirstPageRendersWithInkOnIt() throws Exception {
        Path file = dir.resolve(PdfReport.FILE_NAME);
        PdfReport.write(file, RunReport.of(SeededRun.closedInterrupted()), Optional.of(List.of("java.lang.Thread.run;a.B.c 3", "java.lang.Thread.run;a.B.d 1")));
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 50);
            BufferedImage blank = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = blank.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
            g.dispose();
            assertThat(ink(page)).as("dark pixels on page 1").isGreaterThan(2000);
            assertThat(ink(blank)).as("control: an empty page has none").isZero();
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Interrupted");
        }
        assertThat(Files.list(dir)).as("no temporary file left").containsExactly(file);
    }

    private static int ink(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int sum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
                if (sum < 3 * 160) {
                    n++;
                }
            }
        }
        return n;
    }

    static void collectFonts(PDResources resources, List<PDFont> into) throws Exception {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            into.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collectFonts(form.getResources(), into);
            }
        }
    }
}
