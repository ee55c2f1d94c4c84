package dev.loupe.engine.cli;

import dev.loupe.engine.run.RunCatalog;
import dev.loupe.engine.scenario.InvalidScenarioException;
import dev.loupe.engine.scenario.Overrides;
import dev.loupe.engine.scenario.ScenarioGrid;
import dev.loupe.engine.scenario.ScenarioPlan;
import dev.loupe.engine.scenario.ScenarioProblem;
import dev.loupe.engine.scenario.ScenarioReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loupe validate FILE...}: checks scenario files without running anything. */
@Command(
        name = "validate",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Checks scenario files without running them.",
            "",
            "Checks the JSON syntax, the field names and types, each value against its bounds, and how the"
                    + " preset and the defaults fill what a file leaves unset; then maps the scenario as a run"
                    + " would, starting nothing, so the variant's options, the workload's parameter, the bind"
                    + " address and a body file are checked too: what run would refuse, validate refuses."
                    + " A good file gets one line saying what would run; a bad one gets every problem on its"
                    + " own line, as FILE:LINE:COLUMN: FIELD: VALUE (expected: RULE).",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./loupe validate sample-configs/quick.json",
            "  ./loupe validate sample-configs/*.json --set load.duration=5s",
            "  ./loupe validate my.json --set load.model=open --set load.rateRps=2000",
            "",
            "Output:",
            "  quick.json: ok — virtual-threads · hello · light: 10 connections, ...",
            "  bad.json:7:20: load.connections: -5 (expected: 1..100000)",
            "",
            "Exit codes: 0 every file is good, 2 a file or an override has a problem."
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.json) to check.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--set",
            paramLabel = "PATH=VALUE",
            description = "Overrides a field before checking, as `loupe run --set` would; repeatable. PATH is"
                    + " the field's path in the file: load.connections=50, server.variant=virtual-threads,"
                    + " load.duration=5s, thresholds.summary.latencyMs.p99='<50'.")
    List<String> assignments = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help and exits.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Overrides overrides;
        try {
            overrides = Overrides.parse(assignments);
        } catch (InvalidScenarioException e) {
            print(err, e.problems());
            return ExitCodes.BAD_INPUT;
        }
        ScenarioReader reader = new ScenarioReader(RunCatalog.installed());
        int bad = 0;
        for (Path file : files) {
            try {
                ScenarioPlan plan = reader.readPlan(file, overrides);
                if (plan.grid().isEmpty()) {
                    out.println(file + ": ok — " + plan.first().summary());
                } else {
                    out.println(file + ": ok — a " + plan.grid().get().kind() + " of " + plan.runs().size() + " runs:");
                    for (ScenarioGrid.Cell cell : plan.cells()) {
                        out.println("  " + (cell.index() + 1) + ". " + cell.label() + " — " + plan.runs().get(cell.index()).summary());
                    }
                }
            } catch (InvalidScenarioException e) {
                print(err, e.problems());
                bad++;
            }
        }
        out.flush();
        if (bad > 0 && files.size() > 1) {
            err.println("loupe: " + bad + " of " + files.size() + " files have problems");
        }
        err.flush();
        return bad == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private static void print(PrintWriter err, List<ScenarioProblem> problems) {
        problems.forEach(err::println);
        err.flush();
    }
}
