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
        root.addSubcommand(new ValidateCommand());
        root.addSubcommand(new VariantsCommand());
    }
}
