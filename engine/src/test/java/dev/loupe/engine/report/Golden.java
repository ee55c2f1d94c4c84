package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files in {@code src/test/resources/golden}: a format's output must match its file byte for
 * byte. To regenerate them after an intended change, run
 * {@code scripts/test -pl engine -Dtest=GoldenFilesTest -Dloupe.updateGolden=true}, then review the
 * diff with {@code git diff engine/src/test/resources/golden} before committing it.
 */
final class Golden {
    /** The golden folder, relative to the module (the tests' working directory). */
    static final Path DIR = Path.of("src", "test", "resources", "golden");
    static final String UPDATE_PROPERTY = "loupe.updateGolden";

    private Golden() {}

    static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    static void check(String name, String actual) throws IOException {
        check(name, actual, true);
    }

    /**
     * @param mayUpdate whether this call writes the file when updating; other calls still compare,
     *     so one locale writes and the others check they agree with it
     */
    static void check(String name, String actual, boolean mayUpdate) throws IOException {
        Path file = DIR.resolve(name);
        if (updating() && mayUpdate) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("golden file %s is missing; create it with -D%s=true", file, UPDATE_PROPERTY).exists();
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual).as("%s differs from its golden file (if intended, regenerate with -D%s=true and review the diff)",
                name, UPDATE_PROPERTY).isEqualTo(expected);
        assertThat(actual.getBytes(StandardCharsets.UTF_8)).as("%s byte for byte", name).isEqualTo(Files.readAllBytes(file));
    }
}
