package dev.loupe.engine.cli;

import dev.loupe.engine.LoupeVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root {@code loupe} command. With no sub-command the launcher opens the dashboard instead, so
 * this class only ever sees a sub-command, {@code --help} or {@code --version}.
 */
@Command(
        name = "loupe",
        mixinStandardHelpOptions = true,
        versionProvider = LoupeCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Profiling dashboard and load-test runner for JVM servers.",
            "",
            "Without a command, ./loupe opens the dashboard. With a command it runs headless.",
            "The dashboard takes: --open FILE, --autostart (start it), --screenshot PNG (when the run ends),",
            "--exit-after-run (with loupe run's exit code) and --theme light|dark.",
            "  ./loupe --open sample-configs/quick.json --autostart"
        },
        subcommands = {CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    success",
            "  1    internal error (the run folder's run.log says why)",
            "  2    bad input or usage (the message names the file, field, value and what was expected)",
            "  3    missing runtime (JDK 25, display, GTK)",
            "  99   a threshold failed, or compare found a regression",
            "  130  interrupted (Ctrl+C)"
        })
public final class LoupeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (see the list above)");
    }

    /** Builds the command line with every sub-command registered and Loupe's error handling. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new LoupeCommand());
        Commands.register(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new InternalErrorHandler());
        return cl;
    }

    /** Reports the version stamped by the build and the Java runtime in use. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "loupe " + LoupeVersion.version(),
                "java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
            };
        }
    }
}
