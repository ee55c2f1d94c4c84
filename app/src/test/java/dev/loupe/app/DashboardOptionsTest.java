package dev.loupe.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardOptionsTest {

    @Test
    void readsTheScriptedRunsOptionsInBothSpellings() {
        DashboardOptions o = DashboardOptions.parse(List.of("--open", "a.json", "--autostart", "--screenshot=out.png",
                "--exit-after-run", "--theme", "DARK"));
        assertThat(o).isEqualTo(new DashboardOptions(Path.of("a.json"), true, Path.of("out.png"), true,
                DashboardOptions.Theme.DARK));
        assertThat(DashboardOptions.parse(List.of())).isEqualTo(DashboardOptions.none());
    }

    @Test
    void badOptionsNameTheOptionAndWhatItExpects() {
        assertThatThrownBy(() -> DashboardOptions.parse(List.of("--autostart")))
                .hasMessage("--autostart: needs --open FILE (which scenario to start)");
        assertThatThrownBy(() -> DashboardOptions.parse(List.of("--open")))
                .hasMessage("--open: missing value (expected: a file)");
        assertThatThrownBy(() -> DashboardOptions.parse(List.of("--screenshot", "shot.jpg")))
                .hasMessage("--screenshot: 'shot.jpg' (expected: a file name ending in .png)");
        assertThatThrownBy(() -> DashboardOptions.parse(List.of("--theme=blue")))
                .hasMessage("--theme: 'blue' (expected: light or dark)");
        assertThatThrownBy(() -> DashboardOptions.parse(List.of("--fast")))
                .hasMessageStartingWith("unknown option '--fast'");
    }

    @Test
    void aRememberedSizeFitsTheScreenAndNeverGoesBelowTheMinimum() {
        assertThat(LoupeApp.fit(1280, 1000, 1920)).isEqualTo(1280);
        assertThat(LoupeApp.fit(1280, 1000, 1100)).as("a smaller screen").isEqualTo(1100);
        assertThat(LoupeApp.fit(600, 1000, 1920)).as("never below the minimum").isEqualTo(1000);
        assertThat(LoupeApp.fit(Double.NaN, 1000, 1920)).isEqualTo(1000);
    }
}
