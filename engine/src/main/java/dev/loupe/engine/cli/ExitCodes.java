package dev.loupe.engine.cli;

/** The exit codes every Loupe command uses (see the README's table). */
public final class ExitCodes {
    /** The command did what it was asked. */
    public static final int OK = 0;
    /** Something inside Loupe went wrong; the run folder's {@code run.log} says why. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad input or usage: the message names the file, field, value and what was expected. */
    public static final int BAD_INPUT = 2;
    /** A runtime is missing: JDK 25, a display, GTK. */
    public static final int MISSING_RUNTIME = 3;
    /** A threshold failed, or {@code compare} found a regression. */
    public static final int THRESHOLD_FAILED = 99;
    /** Interrupted (Ctrl+C). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
