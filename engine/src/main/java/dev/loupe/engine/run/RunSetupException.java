package dev.loupe.engine.run;

/**
 * A scenario that resolved but cannot start: an address that does not resolve, a body file that
 * cannot be read, a workload parameter the registry refuses. The message is complete, names the
 * field and the value, and is shown to the user as it is (exit code 2).
 */
public final class RunSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    public RunSetupException(String message) {
        super(message);
    }
}
