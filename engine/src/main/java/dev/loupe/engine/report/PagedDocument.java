package dev.loupe.engine.report;

import dev.loupe.engine.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * One content written as a PDF ({@link PdfPages}: A4, embedded fonts, page numbers in the footer) or
 * as one self-contained HTML page ({@link HtmlPages}), each file atomically: how the comparison's,
 * the grid's and the search's documents are written.
 */
final class PagedDocument {
    /** What goes on the pages. */
    @FunctionalInterface
    interface Content {
        void write(ReportPages pages) throws IOException;
    }

    private PagedDocument() {}

    /** {@code content} as a PDF into {@code file}, titled {@code title} (its metadata and footers). */
    static void pdf(Path file, String title, Content content) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle(title);
            try (PdfPages pages = new PdfPages(doc)) {
                content.write(pages);
                pages.footers(title);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            AtomicFiles.write(file, o -> o.write(out.toByteArray()));
        }
    }

    /** {@code content} as one self-contained page into {@code file}. */
    static void html(Path file, String title, Content content) throws IOException {
        HtmlPages html = new HtmlPages();
        content.write(html);
        AtomicFiles.writeString(file, html.page(title));
    }
}
