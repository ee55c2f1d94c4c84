package dev.loupe.engine.report;

import dev.loupe.engine.chart.ChartFonts;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one typeface of the reports, DejaVu Sans (regular and bold, shipped with Loupe; Bitstream Vera
 * licence, see {@code fonts/LICENSE-DejaVu.txt}): it covers Latin, Greek and Cyrillic and the signs
 * the reports print ({@code µ ≥ → ± –}), which the PDF standard-14 fonts cannot. The same files are
 * registered with Java2D, so a chart measures its text with the metrics the PDF then embeds.
 */
final class ReportFonts {
    /** The family as Java2D knows it once registered. */
    static final String FAMILY = "DejaVu Sans";
    static final String REGULAR = "fonts/DejaVuSans.ttf";
    static final String BOLD = "fonts/DejaVuSans-Bold.ttf";

    private static final ChartFonts CHARTS = register();

    private ReportFonts() {}

    /** Chart type in the report's family. */
    static ChartFonts charts() {
        return CHARTS;
    }

    private static ChartFonts register() {
        GraphicsEnvironment env = GraphicsEnvironment.getLocalGraphicsEnvironment();
        for (String file : new String[] {REGULAR, BOLD}) {
            try (InputStream in = open(file)) {
                env.registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
            } catch (IOException | FontFormatException e) {
                throw new UncheckedIOException("the report font " + file + " cannot be read", new IOException(e));
            }
        }
        return ChartFonts.of(FAMILY);
    }

    static InputStream open(String file) throws IOException {
        InputStream in = ReportFonts.class.getResourceAsStream(file);
        if (in == null) {
            throw new IOException("the report font " + file + " is missing from Loupe's jar");
        }
        return in;
    }

    /** {@code file} embedded in {@code doc}, only the glyphs used. */
    static PDType0Font load(PDDocument doc, String file) throws IOException {
        try (InputStream in = open(file)) {
            return PDType0Font.load(doc, in, true);
        }
    }
}
