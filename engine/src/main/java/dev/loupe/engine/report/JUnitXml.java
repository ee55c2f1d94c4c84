package dev.loupe.engine.report;

import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.run.RunResult;
import dev.loupe.engine.units.Numbers;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code --junit FILE} report, in the Ant JUnit XML format that Jenkins, GitLab, GitHub
 * test-report actions and Azure read: one {@code <testsuite name="loupe: SCENARIO">} as the root,
 * one {@code <testcase>} per threshold ({@code classname} the scenario's name, {@code name} the
 * metric and its condition, e.g. {@code summary.latencyMs.p99 < 50}) with a
 * {@code <failure message="actual X, limit Y">} when it failed.
 *
 * <p>A testcase {@code run completed} comes first when there are no thresholds (CI servers treat a
 * suite without test cases as an error or ignore it) and whenever the run did not complete, in which
 * case it fails: an interrupted or guard-stopped run must not look green in CI.
 *
 * <p>Attribute and text values are escaped; characters XML 1.0 cannot hold (most control
 * characters) become U+FFFD. The suite's {@code time} is the measured duration in seconds, its
 * {@code timestamp} the start in UTC without a zone, as the Ant schema has it.
 */
public final class JUnitXml {
    /** The file's default name; {@code loupe run --junit FILE} names it. */
    public static final String FILE_NAME = "junit.xml";

    static final String RUN_COMPLETED = "run completed";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JUnitXml() {}

    /** The file's text. */
    public static String render(RunReport report) {
        RunResult r = report.result();
        String classname = r.scenario().name();
        boolean completed = r.outcome() == RunOutcome.COMPLETED;
        boolean runCase = report.thresholds().isEmpty() || !completed;
        int tests = report.thresholds().size() + (runCase ? 1 : 0);
        int failures = report.failedThresholds().size() + (runCase && !completed ? 1 : 0);

        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"").append(escape("loupe: " + classname))
                .append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"0\" time=\"").append(seconds(r.summary().durationS()))
                .append("\" timestamp=\"").append(TIMESTAMP.format(r.startedAt())).append("\">\n");
        x.append("  <properties>\n");
        property(x, "outcome", JsonSupport.outcome(r.outcome()));
        property(x, "scenario", r.scenario().summary());
        property(x, "serverUrl", r.serverUrl());
        property(x, "javaVersion", r.environment().javaVersion());
        property(x, "loupeVersion", r.environment().loupeVersion());
        x.append("  </properties>\n");

        if (runCase) {
            x.append("  <testcase classname=\"").append(escape(classname)).append("\" name=\"").append(RUN_COMPLETED)
                    .append("\" time=\"").append(seconds(r.summary().durationS())).append('"');
            if (completed) {
                x.append("/>\n");
            } else {
                String why = switch (r.outcome()) {
                    case INTERRUPTED -> "interrupted: the result covers only the part that ran";
                    case CRASHED -> "crashed: a partial report rebuilt from the journal";
                    default -> "stopped by a guard: see the red finding in SUMMARY.md";
                };
                x.append(">\n    <failure message=\"").append(escape(why)).append("\" type=\"")
                        .append(JsonSupport.outcome(r.outcome())).append("\"/>\n  </testcase>\n");
            }
        }
        for (ThresholdResult t : report.thresholds()) {
            x.append("  <testcase classname=\"").append(escape(classname)).append("\" name=\"")
                    .append(escape(t.name())).append("\" time=\"0\"");
            if (t.passed()) {
                x.append("/>\n");
                continue;
            }
            String message = "actual " + t.actualText() + ", limit " + Numbers.plain(t.limit());
            String detail = t.actual().isPresent()
                    ? t.metric() + " was " + t.actualText() + "; expected " + t.condition()
                    : t.metric() + " has no value: " + t.note().orElseThrow() + "; expected " + t.condition();
            x.append(">\n    <failure message=\"").append(escape(message)).append("\" type=\"threshold\">")
                    .append(escape(detail)).append("</failure>\n  </testcase>\n");
        }
        x.append("</testsuite>\n");
        return x.toString();
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("    <property name=\"").append(name).append("\" value=\"").append(escape(value)).append("\"/>\n");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /**
     * {@code text} safe inside an attribute value or element text: the five markup characters as
     * entities, tab / newline / carriage return as character references (attribute values would
     * otherwise fold them into spaces), and characters XML 1.0 forbids as U+FFFD.
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\t' -> b.append("&#9;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                default -> {
                    boolean allowed = (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    b.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        }
        return b.toString();
    }
}
