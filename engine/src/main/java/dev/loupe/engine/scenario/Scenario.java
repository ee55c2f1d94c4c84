package dev.loupe.engine.scenario;

import dev.loupe.engine.units.Durations;
import dev.loupe.engine.units.Numbers;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One fully resolved scenario: what will run, with every value decided. Built by
 * {@link ScenarioReader} from a scenario file and the command line (explicit value, then file
 * value, then preset, then {@link ScenarioDefaults}), or directly by the dashboard; written back
 * by {@link ScenarioWriter}. Every record in it validates at construction and names the field, the
 * value and the rule it broke.
 *
 * @param name a short name, used in the run folder's name
 * @param description what the scenario shows, for people; may be empty
 * @param server the server variant and its tunables
 * @param workload what the handler does per request
 * @param load the load driven at the server
 * @param telemetry what the JVM side records
 * @param thresholds pass / fail conditions on the result, in file order
 */
public record Scenario(
        String name,
        String description,
        ServerSettings server,
        WorkloadSpec workload,
        LoadSettings load,
        TelemetrySettings telemetry,
        List<Threshold> thresholds) {

    static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}/\\\\]{1," + ScenarioLimits.NAME_CHARS.max() + "}");
    static final String NAME_EXPECTED = "1 to 80 characters, without control characters, / or \\";
    /** The longest description, in characters. */
    public static final int MAX_DESCRIPTION_CHARS = (int) ScenarioLimits.DESCRIPTION_CHARS.max();

    public Scenario {
        FieldChecks checks = new FieldChecks("");
        checks.matches("name", name, NAME, NAME_EXPECTED);
        checks.present("description", description, "text, may be empty");
        if (description != null) {
            checks.requireDescribed(description.length() <= MAX_DESCRIPTION_CHARS, "description",
                    "(" + description.length() + " characters)", "at most " + MAX_DESCRIPTION_CHARS + " characters");
        }
        checks.present("server", server, "an object with at least \"variant\"");
        checks.present("workload", workload, WorkloadSpec.EXPECTED);
        checks.present("load", load, "an object");
        checks.present("telemetry", telemetry, "an object");
        checks.present("thresholds", thresholds, "an object of result.json paths to conditions");
        checks.done();
        thresholds = List.copyOf(thresholds);
    }

    /**
     * One line saying what will run, e.g. {@code virtual-threads · hello · light: 10 connections,
     * closed model, 5s + 1s warm-up · 2 thresholds}.
     */
    public String summary() {
        StringBuilder b = new StringBuilder()
                .append(server.variant()).append(" · ")
                .append(workload).append(" · ")
                .append(load.profile()).append(": ")
                .append(Numbers.count(load.connections(), "connection")).append(", ");
        switch (load.model()) {
            case CLOSED -> b.append("closed model");
            case OPEN -> {
                b.append("open model ");
                if (load.schedule() == Schedule.RAMP) {
                    RampStage last = load.stages().getLast();
                    b.append("ramping to ").append(Numbers.plain(last.rateRps())).append(" rps in ")
                            .append(Numbers.count(load.stages().size(), "stage"));
                } else {
                    b.append("at ").append(Numbers.plain(load.rateRps())).append(" rps (")
                            .append(load.schedule()).append(')');
                }
            }
        }
        if (!load.mix().isEmpty()) {
            b.append(", a mix of ").append(Numbers.count(load.mix().size(), "request"));
        }
        b.append(", ").append(Durations.format(load.duration()));
        if (!load.warmup().isZero()) {
            b.append(" + ").append(Durations.format(load.warmup())).append(" warm-up");
        }
        b.append(" · ").append(thresholds.isEmpty() ? "no thresholds" : Numbers.count(thresholds.size(), "threshold"));
        if (!telemetry.enabled()) {
            b.append(" · telemetry off");
        }
        return b.toString();
    }

}
