package dev.loupe.engine.cli;

import picocli.CommandLine;

/** The one place where sub-commands are registered, in the order {@code --help} lists them. */
final class Commands {
    private Commands() {}

    static void register(CommandLine root) {
        root.addSubcommand(new RunCommand());
        root.addSubcommand(new ServeCommand());
        root.addSubcommand("load", new LoadCommand());
        root.addSubcommand(new ReportCommand());
        // "--" separates the baseline's runs from the candidate's, so it must reach the command as a word
        root.addSubcommand(new CommandLine(new CompareCommand()).setEndOfOptionsDelimiter("--end-of-options")
                .setUnmatchedOptionsArePositionalParams(true));
        root.addSubcommand(new ValidateCommand());
        root.addSubcommand(new VariantsCommand());
    }
}
