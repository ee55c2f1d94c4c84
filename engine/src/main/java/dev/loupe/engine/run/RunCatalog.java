package dev.loupe.engine.run;

import dev.loupe.engine.load.LoadTarget;
import dev.loupe.engine.scenario.InvalidValueException;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ScenarioCatalog;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariants;
import dev.loupe.engine.server.workload.Workload;
import dev.loupe.engine.server.workload.Workloads;
import java.util.ArrayList;
import java.util.List;

/**
 * The installed variants and workloads, as a {@link ScenarioCatalog}: the reader checks names against
 * them, and {@link #admit} maps the scenario exactly as {@link ScenarioRun} does (the server's
 * configuration, the variant's own check of it, the load generator's specification) without starting,
 * binding or sending anything. So {@code loupe validate}, the dashboard's fields and {@code loupe run}
 * refuse the same scenarios with the same words.
 */
public final class RunCatalog implements ScenarioCatalog {
    /** Where the dry run aims its load: nothing is ever sent there. */
    private static final LoadTarget DRY_RUN_TARGET = new LoadTarget("127.0.0.1", 1);
    /** What the dry run's server configuration would serve: nothing is ever served. */
    private static final RequestHandler NO_HANDLER = request -> HttpResponse.empty(204);

    private final List<String> variants;
    private final List<String> workloads;

    private RunCatalog() {
        this.variants = ServerVariants.names();
        this.workloads = Workloads.all().stream().map(Workload::name).toList();
    }

    /** The variants on the class path and the built-in workloads. */
    public static RunCatalog installed() {
        return new RunCatalog();
    }

    @Override
    public List<String> variants() {
        return variants;
    }

    @Override
    public List<String> workloads() {
        return workloads;
    }

    @Override
    public List<InvalidValueException.Violation> admit(Scenario scenario) {
        List<InvalidValueException.Violation> found = new ArrayList<>();
        try {
            ScenarioMapping.workload(scenario);
        } catch (RunSetupException e) {
            found.addAll(e.violations());
        }
        try {
            ServerConfig config = ScenarioMapping.serverConfig(scenario, NO_HANDLER);
            ScenarioMapping.variant(scenario, config);
        } catch (RunSetupException e) {
            found.addAll(e.violations());
        }
        try {
            ScenarioMapping.loadSpec(scenario, DRY_RUN_TARGET, ScenarioRun.DEFAULT_SEED);
        } catch (RunSetupException e) {
            found.addAll(e.violations());
        }
        return found;
    }
}
