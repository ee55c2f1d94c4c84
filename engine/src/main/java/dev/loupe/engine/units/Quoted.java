package dev.loupe.engine.units;

/** A value as messages show it: in double quotes, escaped, shortened past 60 characters; null is {@code missing}. */
public final class Quoted {
    private Quoted() {}

    public static String of(String s) {
        if (s == null) {
            return "missing";
        }
        String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        StringBuilder b = new StringBuilder(shown.length() + 2).append('"');
        for (char c : shown.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
