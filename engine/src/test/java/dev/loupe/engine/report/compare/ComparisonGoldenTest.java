package dev.loupe.engine.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The comparison's Markdown and JSON, pinned by golden files in {@code src/test/resources/golden/compare}
 * and the same in the root locale and in German. Regenerate with {@code -Dloupe.updateGolden=true}
 * and review the diff.
 */
class ComparisonGoldenTest {
    private static final Path DIR = Path.of("src", "test", "resources", "golden", "compare");
    private Locale saved;

    @BeforeEach
    void save() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"comparison.md, und", "comparison.json, und", "comparison.md, de-DE", "comparison.json, de-DE"})
    void matchesItsGoldenFile(String name, String languageTag) throws Exception {
        Locale.setDefault(Locale.forLanguageTag(languageTag));
        Comparison c = Comparer.compare(SeededComparisons.base(), SeededComparisons.candidate(), 5);
        String actual = name.endsWith(".md") ? ComparisonMarkdown.render(c) : ComparisonJson.render(c);
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("loupe.updateGolden") && languageTag.equals("und")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("golden file; create it with -Dloupe.updateGolden=true").exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
