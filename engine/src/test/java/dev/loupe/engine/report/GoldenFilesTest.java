package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.run.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every machine-readable or user-facing file, pinned by a golden file built from a seeded result,
 * and identical whatever the machine's locale and time zone: the root locale; German (decimal comma,
 * point between thousands); Arabic, Hindi and Thai with their own digits; each in a time zone far from
 * UTC. See {@link Golden} for regenerating them.
 */
class GoldenFilesTest {
    private Locale savedLocale;
    private Locale savedFormatLocale;
    private Locale savedDisplayLocale;
    private TimeZone savedZone;

    static Stream<Arguments> cases() {
        List<String> locales = List.of("und", "de-DE", "ar-EG-u-nu-arab", "hi-IN-u-nu-deva", "th-TH-u-nu-thai");
        List<String> zones = List.of("UTC", "Europe/Berlin", "Africa/Cairo", "Asia/Kolkata", "Pacific/Kiritimati");
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int i = 0; i < locales.size(); i++) {
            for (String file : List.of("result.json", "SUMMARY.md", "intervals.csv", "junit.xml")) {
                cases.add(Arguments.of(locales.get(i), zones.get(i), "open/" + file, (Supplier<RunResult>) SeededRun::open));
                cases.add(Arguments.of(locales.get(i), zones.get(i), "closed-interrupted/" + file,
                        (Supplier<RunResult>) SeededRun::closedInterrupted));
                cases.add(Arguments.of(locales.get(i), zones.get(i), "crashed/" + file, (Supplier<RunResult>) SeededRun::crashed));
            }
        }
        return cases.build();
    }

    @BeforeEach
    void save() {
        savedLocale = Locale.getDefault();
        savedFormatLocale = Locale.getDefault(Locale.Category.FORMAT);
        savedDisplayLocale = Locale.getDefault(Locale.Category.DISPLAY);
        savedZone = TimeZone.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(savedLocale);
        Locale.setDefault(Locale.Category.FORMAT, savedFormatLocale);
        Locale.setDefault(Locale.Category.DISPLAY, savedDisplayLocale);
        TimeZone.setDefault(savedZone);
    }

    @ParameterizedTest(name = "{2} in locale {0}, zone {1}")
    @MethodSource("cases")
    void matchesItsGoldenFile(String languageTag, String zone, String golden, Supplier<RunResult> seeded) throws Exception {
        Locale.setDefault(Locale.forLanguageTag(languageTag));
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        if (!languageTag.equals("und")) { // control: the locale really formats numbers its own way
            assertThat(String.format("%.1f", 1.5)).isNotEqualTo("1.5");
        }
        RunResult result = seeded.get();
        RunReport report = golden.startsWith("open/") ? RunReport.of(result, SeededRun.extraThresholds()) : RunReport.of(result);

        String name = golden.substring(golden.indexOf('/') + 1);
        ReportFormat format = switch (name) {
            case "result.json" -> ReportFormat.resultJson();
            case "SUMMARY.md" -> ReportFormat.summaryMarkdown();
            case "intervals.csv" -> ReportFormat.intervalsCsv();
            case "junit.xml" -> ReportFormat.junitXml();
            default -> throw new IllegalArgumentException(name);
        };
        // The root locale comes first and is the one that writes when regenerating; the others compare.
        Golden.check(golden, format.render(report, Path.of("runs", "seeded").toAbsolutePath()), languageTag.equals("und"));
    }
}
