/**
 * The {@code loupe} command line: one picocli command class per sub-command, each a thin layer that
 * parses, calls the engine ({@code run} and {@code load} through a {@link
 * dev.loupe.engine.session.RunSession}) and maps outcomes to the documented exit codes ({@link
 * dev.loupe.engine.cli.ExitCodes}). Nothing here is called by other packages except the launcher.
 */
package dev.loupe.engine.cli;
