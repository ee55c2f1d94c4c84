package dev.loupe.engine.cli;

/** Bad input from the user; its message is complete and is printed as it is, with exit code 2. */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
