package dev.loupe.engine.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * One self-contained HTML page built block by block: its style inline, every chart an inline SVG
 * (JFreeSVG) that scales with the window, no script, no font, no image and no link to fetch. Text is
 * escaped; a table's numbers are right-aligned.
 */
final class HtmlPages implements ReportPages {
    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Verdana,"Segoe UI",Roboto,sans-serif;color:#24292f;background:#fff;\
            max-width:60rem;margin:1.5rem auto;padding:0 1rem;font-size:15px;line-height:1.45}
            h1{font-size:1.7rem;margin:.2rem 0 .6rem}h2{font-size:1.25rem;margin:1.6rem 0 .5rem;\
            border-bottom:1px solid #d8dee4;padding-bottom:.2rem}h3{font-size:1rem;margin:1rem 0 .3rem}
            p{margin:.3rem 0}.muted{color:#57606a}.strong{font-weight:bold}
            .i1{margin-left:1.2rem}.i2{margin-left:2.4rem}
            pre{font-size:.8rem;color:#57606a;margin:.2rem 0 .6rem;white-space:pre-wrap}
            .marked{display:flex;gap:.5rem;align-items:baseline;margin:.4rem 0}\
            .dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;flex:none}
            table{border-collapse:collapse;width:100%;margin:.3rem 0 .8rem}\
            th,td{text-align:left;padding:.25rem .4rem;border-bottom:1px solid #d8dee4;vertical-align:top}\
            th{border-bottom:1.5px solid #8c959f}td.n{text-align:right;font-variant-numeric:tabular-nums}
            figure{margin:.5rem 0}figure svg{width:100%;height:auto;display:block}
            hr{border:0;border-top:1px solid #d8dee4;margin:2rem 0}
            """;

    private final StringBuilder body = new StringBuilder();
    private int charts;

    @Override
    public void text(Style style, int indent, String text) {
        String cls = indent > 0 ? " class=\"i" + Math.min(indent, 2) + "\"" : "";
        switch (style) {
            case TITLE -> body.append("<h1>").append(escape(text)).append("</h1>\n");
            case HEADING -> body.append("<h2>").append(escape(text)).append("</h2>\n");
            case SUBHEADING -> body.append("<h3").append(cls).append('>').append(escape(text)).append("</h3>\n");
            case BODY -> paragraph("", indent, text);
            case STRONG -> paragraph("strong", indent, text);
            case MUTED -> paragraph("muted", indent, text);
            case CODE -> body.append("<pre").append(cls).append('>').append(escape(text)).append("</pre>\n");
        }
    }

    private void paragraph(String cls, int indent, String text) {
        String classes = (cls + (indent > 0 ? " i" + Math.min(indent, 2) : "")).strip();
        body.append(classes.isEmpty() ? "<p>" : "<p class=\"" + classes + "\">")
                .append(escape(text).replace("\n", "<br>")).append("</p>\n");
    }

    @Override
    public void marked(Color mark, Style style, String text) {
        body.append("<div class=\"marked").append(style == Style.STRONG || style == Style.SUBHEADING ? " strong" : "")
                .append("\"><span class=\"dot\" style=\"background:").append(hex(mark)).append("\"></span><span>")
                .append(escape(text)).append("</span></div>\n");
    }

    @Override
    public void table(List<List<String>> rows, float[] widths, boolean numeric) {
        body.append("<table>\n");
        for (int r = 0; r < rows.size(); r++) {
            body.append("<tr>");
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String tag = r == 0 ? "th" : "td";
                String cls = r > 0 && c > 0 && numeric ? " class=\"n\"" : "";
                String width = r == 0 ? " style=\"width:" + Math.round(widths[c] * 100) + "%\"" : "";
                body.append('<').append(tag).append(cls).append(width).append('>').append(escape(row.get(c)))
                        .append("</").append(tag).append('>');
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
    }

    @Override
    public void chart(JFreeChart chart, float height) {
        picture(g -> chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, height)), WIDTH, height);
    }

    @Override
    public void picture(Consumer<Graphics2D> painter, float width, float height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("c" + charts++ + "-"); // clip paths and gradients unique within the page
        try {
            painter.accept(g);
        } finally {
            g.dispose();
        }
        body.append("<figure>").append(g.getSVGElement(null, false, new ViewBox(0, 0, width, height),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET)).append("</figure>\n");
    }

    @Override
    public void keep(float height) {}

    @Override
    public void pageBreak() {
        body.append("<hr>\n");
    }

    @Override
    public float roomLeft() {
        return Float.MAX_VALUE;
    }

    /** The whole page. */
    String page(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body
                + "</body>\n</html>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
