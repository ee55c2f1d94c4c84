package dev.loupe.engine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Turns an exception that escaped a command into one line for the user and exit code 1, or exit
 * code 2 for {@link UserInputException}. The stack trace is shown only with {@code LOUPE_DEBUG=1}.
 */
final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
            Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (ex instanceof UserInputException bad) {
            err.println("loupe: " + bad.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        err.println("loupe: internal error: " + ex);
        if ("1".equals(System.getenv("LOUPE_DEBUG"))) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.println(trace);
        } else {
            err.println("loupe: set LOUPE_DEBUG=1 to see the stack trace");
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }
}
