package dev.loupe.engine.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;

/**
 * A4 pages filled from the top: headings, wrapped paragraphs, tables, coloured marks and vector
 * charts, a new page whenever the next block does not fit, page numbers in the footer. Every text is
 * real text in the embedded font (searchable, copyable); a character the font lacks prints as
 * {@code ?} instead of failing the report. Not thread-safe: one report at a time.
 */
final class PdfPages implements ReportPages, AutoCloseable {
    static final float MARGIN = 42;
    static final PDRectangle SIZE = PDRectangle.A4;
    static final Color TEXT = new Color(0x24292F);
    static final Color MUTED = new Color(0x57606A);
    static final Color RULE = new Color(0xD8DEE4);

    private final PDDocument doc;
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PdfBoxGraphics2DFontTextDrawer chartText = new PdfBoxGraphics2DFontTextDrawer();
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream cs;
    private float y;

    PdfPages(PDDocument doc) throws IOException {
        this.doc = doc;
        this.regular = ReportFonts.load(doc, ReportFonts.REGULAR);
        this.bold = ReportFonts.load(doc, ReportFonts.BOLD);
        ReportFonts.charts(); // Java2D knows the family before a chart measures its text
        chartText.registerFont(ReportFonts.FAMILY, regular);
        chartText.registerFont(ReportFonts.FAMILY + " Bold", bold);
        newPage();
    }

    /** Starts a new page at its top. */
    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(SIZE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = SIZE.getHeight() - MARGIN;
    }

    @Override
    public void text(Style style, int indent, String text) throws IOException {
        switch (style) {
            case TITLE -> {
                line(MARGIN, bold, 18, TEXT, text);
                space(4);
            }
            case HEADING -> heading(text, 13);
            case SUBHEADING -> paragraph(text, bold, BODY_PT + 1, TEXT, indent * 10f);
            case BODY -> paragraph(text, regular, BODY_PT, TEXT, indent * 10f);
            case STRONG -> paragraph(text, bold, BODY_PT, TEXT, indent * 10f);
            case MUTED -> paragraph(text, regular, BODY_PT, MUTED, indent * 10f);
            case CODE -> paragraph(text, regular, BODY_PT - 1.5f, MUTED, indent * 10f);
        }
    }

    @Override
    public void marked(Color mark, Style style, String text) throws IOException {
        float size = style == Style.HEADING ? 13 : BODY_PT;
        room(size * 2);
        dot(MARGIN + 5, size, mark);
        paragraph(text, style == Style.BODY || style == Style.MUTED ? regular : bold, size, TEXT, 14);
    }

    @Override
    public void table(List<List<String>> rows, float[] widths, boolean numeric) throws IOException {
        table(rows, widths, numeric, BODY_PT);
    }

    @Override
    public void chart(JFreeChart chart, float height) throws IOException {
        chart(chart, WIDTH, height);
    }

    @Override
    public void keep(float height) throws IOException {
        room(height);
    }

    @Override
    public void pageBreak() throws IOException {
        newPage();
    }

    @Override
    public float roomLeft() {
        return y - MARGIN - 14;
    }

    /** Makes room for {@code height} points: a new page when they do not fit on this one. */
    void room(float height) throws IOException {
        if (y - height < MARGIN + 14) {
            newPage();
        }
    }

    void space(float points) {
        y -= points;
    }

    void heading(String text, float size) throws IOException {
        room(size * 3);
        space(size * 0.6f);
        line(MARGIN, bold, size, TEXT, text);
        space(size * 0.5f);
    }

    /** A paragraph wrapped to the page width (less {@code indent}). */
    void paragraph(String text, PDType0Font font, float size, Color colour, float indent) throws IOException {
        for (String line : wrap(text, font, size, WIDTH - indent)) {
            room(size * 1.35f);
            line(MARGIN + indent, font, size, colour, line);
        }
        space(size * 0.4f);
    }

    /** One line of text at {@code x}, moving down by its height. */
    void line(float x, PDType0Font font, float size, Color colour, String text) throws IOException {
        y -= size * 1.3f;
        show(x, y, font, size, colour, text);
    }

    private void show(float x, float baseline, PDType0Font font, float size, Color colour, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(colour);
        cs.newLineAtOffset(x, baseline);
        cs.showText(printable(font, text));
        cs.endText();
    }

    /** A filled dot of {@code colour} whose centre sits on the next line's middle, at {@code x}. */
    void dot(float x, float size, Color colour) throws IOException {
        float r = size * 0.38f;
        float cy = y - size * 1.3f + size * 0.35f;
        float k = 0.552f * r;
        cs.setNonStrokingColor(colour);
        cs.moveTo(x + r, cy);
        cs.curveTo(x + r, cy + k, x + k, cy + r, x, cy + r);
        cs.curveTo(x - k, cy + r, x - r, cy + k, x - r, cy);
        cs.curveTo(x - r, cy - k, x - k, cy - r, x, cy - r);
        cs.curveTo(x + k, cy - r, x + r, cy - k, x + r, cy);
        cs.fill();
    }

    /**
     * A table: the first row is the header (bold), then each row with a thin rule under it; cells wrap
     * inside their column; columns after the first are right-aligned when {@code numeric}.
     *
     * @param widths each column's share of the page width
     */
    void table(List<List<String>> rows, float[] widths, boolean numeric, float size) throws IOException {
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            PDType0Font font = r == 0 ? bold : regular;
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < row.size(); c++) {
                List<String> wrapped = wrap(row.get(c), font, size, widths[c] * WIDTH - 6);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            float height = lines * size * 1.3f + 4;
            room(height);
            float top = y;
            float x = MARGIN;
            for (int c = 0; c < cells.size(); c++) {
                float w = widths[c] * WIDTH;
                float lineY = top - 2;
                for (String text : cells.get(c)) {
                    lineY -= size * 1.3f;
                    float tx = x + 2;
                    if (numeric && c > 0 && r > 0) {
                        tx = x + w - 4 - width(font, size, text);
                    }
                    show(tx, lineY, font, size, TEXT, text);
                }
                x += w;
            }
            y = top - height;
            cs.setStrokingColor(RULE);
            cs.setLineWidth(r == 0 ? 0.8f : 0.4f);
            cs.moveTo(MARGIN, y);
            cs.lineTo(MARGIN + WIDTH, y);
            cs.stroke();
        }
        space(6);
    }

    /** {@code chart} drawn as vector graphics, {@code width} by {@code height} points, at the left margin. */
    void chart(JFreeChart chart, float width, float height) throws IOException {
        picture(g -> chart.draw(g, new Rectangle2D.Double(0, 0, width, height)), width, height);
    }

    /** What {@code painter} draws with Java2D into {@code width} by {@code height} points, as vector graphics. */
    @Override
    public void picture(Consumer<Graphics2D> painter, float width, float height) throws IOException {
        room(height + 4);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height);
        try {
            g.setFontTextDrawer(chartText);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        PDFormXObject form = g.getXFormObject();
        cs.saveGraphicsState();
        cs.transform(Matrix.getTranslateInstance(MARGIN, y - height));
        cs.drawForm(form);
        cs.restoreGraphicsState();
        y -= height + 4;
    }

    /** Page numbers and {@code title} at the foot of every page; call once, after the last block. */
    void footers(String title) throws IOException {
        cs.close();
        cs = null;
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = title + " · page " + (i + 1) + " of " + n;
                foot.beginText();
                foot.setFont(regular, 8);
                foot.setNonStrokingColor(MUTED);
                foot.newLineAtOffset(MARGIN, MARGIN - 18);
                foot.showText(printable(regular, text));
                foot.endText();
            }
        }
    }

    float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(printable(font, text)) / 1000 * size;
    }

    /** {@code text} in lines no wider than {@code width}: at spaces, or inside a word longer than a line. */
    List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(font, size, rest) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code text} with each character the font cannot show replaced by {@code ?}, and tabs by spaces. */
    private String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else if (printable.computeIfAbsent(cp, c -> canShow(font, c))) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean canShow(PDType0Font font, int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
    }
}
