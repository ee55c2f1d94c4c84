package dev.loupe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void theThemeTheSizeAndTheRecentFilesSurviveARestart(@TempDir Path dir) {
        Path file = dir.resolve("loupe/dashboard.json");
        Settings saved = Settings.defaults().withTheme(DashboardOptions.Theme.DARK).withSize(1100, 760)
                .withRecentFiles(List.of(dir.resolve("b.json"), dir.resolve("a.json")));
        assertThat(saved.save(file)).isTrue();
        assertThat(Settings.load(file)).isEqualTo(saved);
    }

    @Test
    void aBrokenFileFallsBackToTheDefaults(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("dashboard.json"), "{ not json");
        assertThat(Settings.load(file)).isEqualTo(Settings.defaults());
        assertThat(Settings.load(dir.resolve("missing.json"))).as("control: no file").isEqualTo(Settings.defaults());
    }
}
