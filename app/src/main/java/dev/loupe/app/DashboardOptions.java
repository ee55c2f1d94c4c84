package dev.loupe.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's own command line: {@code ./loupe [--open FILE] [--autostart] [--screenshot PNG]
 * [--exit-after-run] [--theme light|dark]}, for scripted runs (benchmarks, screenshots, a quick look).
 *
 * @param open the scenario to open at start, or null for a new one
 * @param autostart start the opened scenario as soon as the window shows
 * @param screenshot where to save a PNG of the window when the run ends, or null
 * @param exitAfterRun close the window when the run ends, exiting as {@code loupe run} would
 * @param theme the theme to start in, or null for the remembered one
 */
public record DashboardOptions(Path open, boolean autostart, Path screenshot, boolean exitAfterRun, Theme theme) {

    /** The window's look: AtlantaFX Primer, light or dark. */
    public enum Theme {
        LIGHT,
        DARK;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String USAGE = """
            Usage: ./loupe [--open FILE] [--autostart] [--screenshot PNG] [--exit-after-run] [--theme light|dark]
            Opens the dashboard.
              --open FILE        open this scenario file
              --autostart        start it as soon as the window shows (needs --open)
              --screenshot PNG   when the run ends, save a picture of the window
              --exit-after-run   when the run ends, close the window; the exit code is loupe run's
                                 (0 passed, 99 a threshold failed, 130 stopped)
              --theme light|dark start in this theme (the dashboard remembers the last one)
            The run folder, with ui-health.json (the UI's frame gaps), goes below the working folder.
            ./loupe --help lists the headless commands.""";

    public static DashboardOptions none() {
        return new DashboardOptions(null, false, null, false, null);
    }

    /**
     * Reads the options as the launcher passes them.
     *
     * @throws IllegalArgumentException naming the option and what it expects
     */
    public static DashboardOptions parse(List<String> args) {
        Path open = null;
        Path screenshot = null;
        boolean autostart = false;
        boolean exitAfterRun = false;
        Theme theme = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--autostart" -> autostart = true;
                case "--exit-after-run" -> exitAfterRun = true;
                case "--open", "--screenshot", "--theme" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new IllegalArgumentException(name + ": missing value (expected: "
                                + (name.equals("--theme") ? "light or dark" : "a file") + ")");
                    }
                    switch (name) {
                        case "--open" -> open = path(name, value);
                        case "--screenshot" -> screenshot = screenshot(value);
                        default -> theme = theme(value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "' (expected: --open, --autostart,"
                        + " --screenshot, --exit-after-run or --theme)");
            }
        }
        if (autostart && open == null) {
            throw new IllegalArgumentException("--autostart: needs --open FILE (which scenario to start)");
        }
        return new DashboardOptions(open, autostart, screenshot, exitAfterRun, theme);
    }

    private static Path path(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + ": empty (expected: a file)");
        }
        return Path.of(value);
    }

    private static Path screenshot(String value) {
        Path p = path("--screenshot", value);
        if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--screenshot: '" + value + "' (expected: a file name ending in .png)");
        }
        return p;
    }

    private static Theme theme(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "light" -> Theme.LIGHT;
            case "dark" -> Theme.DARK;
            default -> throw new IllegalArgumentException("--theme: '" + value + "' (expected: light or dark)");
        };
    }
}
