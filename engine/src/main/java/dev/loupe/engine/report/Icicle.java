package dev.loupe.engine.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flame graph drawn top down (an icicle) for a printed page: the root's row on top, each frame as
 * wide as its share of the samples, its callees below it, widest first; a frame too narrow to see is
 * left out, a label too long for its frame is cut with an ellipsis. Built from collapsed stacks
 * ({@code frame;frame;frame count}, root first), drawn with Java2D (vector in a PDF).
 */
final class Icicle {
    /** A frame of the tree: its name, the samples through it, its callees in first-seen order. */
    static final class Node {
        final String name;
        long total;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }

        /** The deepest row below this frame, this frame's own row counted. */
        int depth() {
            int d = 0;
            for (Node c : children.values()) {
                d = Math.max(d, c.depth());
            }
            return d + 1;
        }
    }

    static final double ROW = 11;
    /** The converter's mark of how a frame ran ({@code _[j]} compiled, {@code _[i]} inlined, {@code _[0]} interpreted): not for print. */
    private static final java.util.regex.Pattern TYPE_SUFFIX = java.util.regex.Pattern.compile("_\\[[0-9a-z]\\]$");
    private static final double NARROWEST = 0.6;

    private Icicle() {}

    /** The tree of {@code lines}; a line without a count at its end is skipped. */
    static Node parse(List<String> lines) {
        Node root = new Node("all");
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            long count;
            try {
                count = Long.parseLong(line.substring(space + 1).strip());
            } catch (NumberFormatException e) {
                continue;
            }
            root.total += count;
            Node at = root;
            for (String frame : line.substring(0, space).split(";")) {
                at = at.children.computeIfAbsent(TYPE_SUFFIX.matcher(frame).replaceFirst(""), Node::new);
                at.total += count;
            }
        }
        return root;
    }

    /** Draws {@code root} into {@code width} by at most {@code maxRows} rows of {@link #ROW} points. */
    static void draw(Graphics2D g, Node root, double width, int maxRows, Font font) {
        g.setFont(font);
        row(g, root, 0, 0, width, 0, maxRows, g.getFontMetrics());
    }

    private static void row(Graphics2D g, Node node, double x, double y, double w, int depth, int maxRows, FontMetrics metrics) {
        if (depth >= maxRows || w < NARROWEST) {
            return;
        }
        g.setColor(colour(node.name, depth));
        g.fill(new Rectangle2D.Double(x, y, w, ROW - 1));
        if (w > 24) {
            g.setColor(new Color(0x1F2328));
            String label = fit(node.name + (depth == 0 ? " (" + node.total + ")" : ""), w - 4, metrics);
            if (!label.isEmpty()) {
                g.drawString(label, (float) (x + 2), (float) (y + ROW - 3));
            }
        }
        List<Node> callees = new ArrayList<>(node.children.values());
        callees.sort((a, b) -> Long.compare(b.total, a.total));
        double at = x;
        for (Node c : callees) {
            double cw = node.total == 0 ? 0 : w * c.total / node.total;
            row(g, c, at, y + ROW, cw, depth + 1, maxRows, metrics);
            at += cw;
        }
    }

    /** The longest head of {@code text} that fits {@code width}, with an ellipsis when cut; empty when even that does not fit. */
    static String fit(String text, double width, FontMetrics metrics) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String dots = "…";
        for (int n = text.length() - 1; n > 2; n--) {
            String head = text.substring(0, n) + dots;
            if (metrics.stringWidth(head) <= width) {
                return head;
            }
        }
        return "";
    }

    /** Warm colours as flame graphs have them: the JDK's frames paler, the application's stronger; stable per name. */
    private static Color colour(String name, int depth) {
        if (depth == 0) {
            return new Color(0xE0E0E0);
        }
        int hash = name.hashCode() & 0xFF;
        boolean jdk = name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.");
        int red = jdk ? 235 : 230;
        int green = jdk ? 170 + hash % 50 : 110 + hash % 70;
        int blue = jdk ? 110 + hash % 30 : 40 + hash % 30;
        return new Color(red, green, blue);
    }
}
