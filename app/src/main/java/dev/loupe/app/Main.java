package dev.loupe.app;

import java.util.List;
import javafx.application.Application;

/**
 * Starts the dashboard. A separate class from {@link LoupeApp} so the JVM does not need JavaFX on
 * the module path to find the entry point, and so a missing desktop runtime gets a plain message and
 * exit code 3 instead of a stack trace.
 */
public final class Main {
    /** Exit code for a missing runtime (display, GTK), the same as the command line's. */
    static final int MISSING_RUNTIME = 3;
    /** Exit code for an option the dashboard does not know or a value it cannot take. */
    static final int BAD_INPUT = 2;

    private Main() {}

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(DashboardOptions.USAGE);
            return;
        }
        try {
            DashboardOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("loupe: " + e.getMessage());
            System.err.println(DashboardOptions.USAGE);
            System.exit(BAD_INPUT);
        }
        // the charts are drawn with Java2D into images; no AWT window is ever opened
        System.setProperty("java.awt.headless", "true");
        try {
            Application.launch(LoupeApp.class, args);
            System.exit(LoupeApp.exitCode());
        } catch (UnsupportedOperationException | IllegalStateException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("GTK") || why.contains("display") || why.contains("DISPLAY")) {
                System.err.println("loupe: the dashboard cannot open a window: " + why);
                System.err.println("loupe: on Debian or Ubuntu: sudo apt-get install libgtk-3-0;"
                        + " without a screen, run it under xvfb-run (package xvfb)");
                System.exit(MISSING_RUNTIME);
            }
            throw e;
        }
    }
}
