package dev.loupe.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loupe.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the dashboard remembers between starts: the theme, the window's size and the recent files.
 * Kept in {@code dashboard.json} under {@code $XDG_CONFIG_HOME/loupe} (else {@code ~/.config/loupe});
 * the system property {@value #FILE_PROPERTY} names another file. A file that cannot be read is
 * ignored (the defaults apply) and rewritten at the next change.
 *
 * @param theme light or dark
 * @param widthPx the window's width when it last closed
 * @param heightPx its height
 * @param recentFiles scenario files opened or saved, newest first, at most {@link MainViewModel#RECENT}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(DashboardOptions.Theme theme, double widthPx, double heightPx, List<String> recentFiles) {
    public static final String FILE_PROPERTY = "loupe.settings";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Settings {
        theme = theme == null ? DashboardOptions.Theme.LIGHT : theme;
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
    }

    static Settings defaults() {
        return new Settings(DashboardOptions.Theme.LIGHT, LoupeApp.WIDTH, LoupeApp.HEIGHT, List.of());
    }

    /** The settings file: the property's, or the user's config folder's. */
    static Path file() {
        String named = System.getProperty(FILE_PROPERTY);
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("loupe").resolve("dashboard.json");
    }

    static Settings load(Path file) {
        try {
            return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), Settings.class) : defaults();
        } catch (IOException | RuntimeException e) {
            return defaults();
        }
    }

    /** Saves; a file that cannot be written leaves the settings unremembered, never the window broken. */
    boolean save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.writeString(file, JSON.writeValueAsString(this) + "\n");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    Settings withTheme(DashboardOptions.Theme t) {
        return new Settings(t, widthPx, heightPx, recentFiles);
    }

    Settings withSize(double w, double h) {
        return new Settings(theme, w, h, recentFiles);
    }

    /** The recent files as the Recent menu lists them, newest first. */
    Settings withRecentFiles(List<Path> files) {
        return new Settings(theme, widthPx, heightPx, files.stream().limit(MainViewModel.RECENT).map(Path::toString).toList());
    }
}
