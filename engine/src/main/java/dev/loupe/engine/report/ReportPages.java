package dev.loupe.engine.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;

/**
 * Where {@link ReportContent} puts a report, block after block, whatever the format: the PDF's pages
 * ({@link PdfPages}) or the HTML page ({@link HtmlPages}). Sizes are in points of an A4 page's text
 * width ({@link #WIDTH}); a format scales them as it likes.
 */
interface ReportPages {
    /** The width of the text, in points: A4 less two margins. */
    float WIDTH = 511;
    /** The body text's size, in points; {@link #keep} heights are written in lines of it. */
    float BODY_PT = 9.5f;

    /** How a text block reads. */
    enum Style {
        TITLE,
        HEADING,
        SUBHEADING,
        BODY,
        STRONG,
        MUTED,
        /** Stack frames and the like: small and muted. */
        CODE
    }

    /** A paragraph, wrapped, {@code indent} steps in (0 to 2). */
    void text(Style style, int indent, String text) throws IOException;

    /** A paragraph behind a dot of {@code mark}: a severity, a verdict, a warning. */
    void marked(Color mark, Style style, String text) throws IOException;

    /**
     * A table whose first row is its header.
     *
     * @param widths each column's share of the width
     * @param numeric whether the columns after the first are numbers (right-aligned)
     */
    void table(List<List<String>> rows, float[] widths, boolean numeric) throws IOException;

    /** A chart, the full width and {@code height} points high. */
    void chart(JFreeChart chart, float height) throws IOException;

    /** What {@code painter} draws with Java2D into {@code width} by {@code height} points. */
    void picture(Consumer<Graphics2D> painter, float width, float height) throws IOException;

    /** Keeps the next {@code height} points together (a page break before them if they would not fit). */
    void keep(float height) throws IOException;

    /** Starts a new page (in a format without pages: a wider gap). */
    void pageBreak() throws IOException;

    /** Room left on this page, in points; unbounded in a format without pages. */
    float roomLeft();
}
