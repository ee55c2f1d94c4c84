package dev.loupe.engine.cli;

import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;
import dev.loupe.engine.server.Tunable;
import dev.loupe.engine.server.VariantOption;
import dev.loupe.engine.server.workload.Workload;
import dev.loupe.engine.server.workload.Workloads;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code loupe variants}: every server variant with its tunables, the shared limits, every workload. */
@Command(
        name = "variants",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Lists the server variants and workloads, with tunables and limits.",
        description = {
            "",
            "Each entry shows its default and one line of explanation. Use the names with",
            "loupe serve VARIANT --workload SPEC, or in a scenario's server object."
        })
final class VariantsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(render(ServerVariants.all(), Workloads.all(), TextTable.terminalWidth()));
        out.flush();
        return ExitCodes.OK;
    }

    static String render(List<ServerVariant> variants, List<Workload> workloads, int width) {
        StringBuilder out = new StringBuilder();
        out.append("Server variants: loupe serve VARIANT [--threads N] [--max-threads N] [-o K=V],\n"
                + "or in a scenario file server.threads, server.maxThreads, server.options.K\n\n");
        for (ServerVariant v : variants) {
            new TextTable("  ", width).row(v.name(), v.description()).print(out);
            TextTable tunables = new TextTable("      ", width).row("TUNABLE", "DEFAULT", "MEANING");
            for (Tunable t : v.tunables()) {
                tunables.row(t.name(), t.defaultValue(), t.description());
            }
            for (VariantOption o : v.options()) {
                tunables.row("options." + o.name(), o.defaultValue(), o.description() + " (" + o.values().expected() + ")");
            }
            if (v.tunables().isEmpty() && v.options().isEmpty()) {
                tunables.row("-", "-", "no tunables of its own");
            }
            tunables.print(out);
            out.append('\n');
        }

        out.append("Limits of Loupe's HTTP core, which its variants share (defaults; a scenario sets\n"
                + "the server.* ones)\n\n");
        TextTable limits = new TextTable("  ", width).row("LIMIT", "DEFAULT", "MEANING");
        for (Tunable t : HttpLimits.tunables()) {
            limits.row(t.name(), t.defaultValue(), t.description());
        }
        limits.print(out);
        out.append('\n');

        out.append("Workloads (loupe serve VARIANT --workload SPEC; SPEC is name[:parameter])\n\n");
        TextTable table = new TextTable("  ", width).row("NAME", "PARAMETER", "DEFAULT", "WHAT EACH REQUEST DOES");
        for (Workload w : workloads) {
            table.row(w.name(), w.parameter(), w.defaultParameter(), w.description());
        }
        table.print(out);
        return out.toString();
    }
}
