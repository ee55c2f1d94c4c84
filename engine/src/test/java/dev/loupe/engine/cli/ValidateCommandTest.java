package dev.loupe.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loupe validate}, run in-process: its output and exit code. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path quick;

    @BeforeEach
    void findTheSamples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("sample-configs/quick.json"))) {
                quick = p.resolve("sample-configs/quick.json");
                return;
            }
        }
        throw new IllegalStateException("sample-configs/quick.json not found");
    }

    private int loupe(String... args) {
        return LoupeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void aGoodFilePrintsOneLineSayingWhatWouldRun() {
        int code = loupe("validate", quick.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo(quick + ": ok — virtual-threads · hello · light: 10 connections,"
                + " open model at 1000 rps (constant), 4s + 2s warm-up · 2 thresholds" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    /**
     * What {@code run} would refuse, {@code validate} refuses first, with the same words and the
     * place in the file: a bound the generator owns, a variant option, a workload parameter.
     */
    @Test
    void whatARunWouldRefuseIsRefusedHereWithItsPlaceInTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("runnable.json"), """
                {
                  "name": "runnable",
                  "server": {"variant": "event-loop-offload", "options": {"workers": 0}},
                  "workload": "sleep:soon",
                  "load": {"connections": 100, "threads": 70}
                }
                """);
        int code = loupe("validate", file.toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).isEqualTo(file + ":5:43: load.threads: 70 (expected: 1..64)"
                + System.lineSeparator());

        Files.writeString(file, Files.readString(file).replace("\"threads\": 70", "\"threads\": 4"));
        err.getBuffer().setLength(0);
        assertThat(loupe("validate", file.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).isEqualTo(String.join(System.lineSeparator(),
                file + ":3:70: server.options.workers: 0 (expected: a whole number 1..10000, for event-loop-offload)",
                file + ":4:15: workload: \"sleep:soon\" (expected: a duration with a unit, 1us..10s, e.g. 100us or 1ms;"
                        + " units: ns, us, ms, s)",
                ""));
    }

    @Test
    void aBadFilePrintsEveryProblemOnItsOwnLineAndExits2() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {
                  "name": "bad",
                  "server": {"variant": "virtual-threads"},
                  "workload": "hello",
                  "load": {
                    "conections": 50,
                    "duration": "5 parsecs"
                  }
                }
                """);

        int code = loupe("validate", bad.toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly(
                bad + ":6:5: load.conections: unknown field (did you mean 'connections'?)",
                bad + ":7:17: load.duration: \"5 parsecs\" (expected: a duration with a unit, e.g. 250ms, 30s or 2m;"
                        + " units: ns, us, ms, s, m, h)");
    }

    @Test
    void withSeveralFilesEachIsCheckedAndTheCountOfBadOnesEnds() {
        Path missing = dir.resolve("missing.json");

        int code = loupe("validate", quick.toString(), missing.toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out.toString()).startsWith(quick + ": ok — ");
        assertThat(err.toString().lines()).containsExactly(
                missing + ": no such file",
                "loupe: 1 of 2 files have problems");
    }

    @Test
    void overridesApplyBeforeChecking() {
        int code = loupe("validate", quick.toString(), "--set", "load.connections=50", "--set", "load.duration=2s");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("light: 50 connections, open model at 1000 rps (constant), 2s + 2s warm-up");
    }

    @Test
    void aBadOverrideIsNamedAsTheCommandLine() {
        int code = loupe("validate", quick.toString(), "--set", "load.conections=50", "--set", "load.connections");

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().lines()).containsExactly(
                "--set: \"load.connections\" (expected: PATH=VALUE, e.g. load.connections=50)");

        err.getBuffer().setLength(0);
        assertThat(loupe("validate", quick.toString(), "--set", "load.conections=50")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().lines()).containsExactly(
                "--set: load.conections: unknown field (did you mean 'load.connections'?)");
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(loupe("validate")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void helpExplainsTheCommandWithAnExample() {
        assertThat(loupe("validate", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("Usage: loupe validate")
                .contains("Checks scenario files without running them")
                .contains("--set=PATH=VALUE")
                .contains("./loupe validate sample-configs/quick.json");
        out.getBuffer().setLength(0);
        assertThat(loupe("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("validate");
    }
}
