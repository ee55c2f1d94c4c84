package dev.loupe.engine.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the terminal: columns aligned, the last column wrapped at the width with a
 * hanging indent, every line indented. Not thread-safe; build, print, discard.
 */
final class TextTable {
    /** Lines are wrapped to this width unless the terminal says otherwise ({@code COLUMNS}). */
    static final int DEFAULT_WIDTH = 100;
    private static final String GAP = "  ";

    private final String indent;
    private final int width;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String indent, int width) {
        this.indent = indent;
        this.width = width;
    }

    /** The terminal's width from {@code COLUMNS} when it is set and sensible, else {@link #DEFAULT_WIDTH}. */
    static int terminalWidth() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
            return columns >= 60 ? Math.min(columns, 200) : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    void print(StringBuilder out) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length - 1; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length - 1; i++) {
                line.append(r[i]).append(" ".repeat(widths[i] - r[i].length())).append(GAP);
            }
            int hanging = line.length();
            wrap(line, r[r.length - 1], hanging, out);
        }
    }

    /** Appends {@code text} to {@code line}, breaking at spaces so no line passes the width. */
    private void wrap(StringBuilder line, String text, int hanging, StringBuilder out) {
        int room = Math.max(20, width - hanging);
        String rest = text;
        while (rest.length() > room) {
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= 0) {
                cut = rest.indexOf(' ');
                if (cut < 0) {
                    break;
                }
            }
            out.append(line).append(rest, 0, cut).append('\n');
            line.setLength(0);
            line.append(" ".repeat(hanging));
            rest = rest.substring(cut + 1);
        }
        out.append(line).append(rest).append('\n');
    }
}
