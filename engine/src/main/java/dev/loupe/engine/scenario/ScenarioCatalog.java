package dev.loupe.engine.scenario;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What a {@link ScenarioReader} checks a scenario against beyond its own rules: the names of the
 * server variants and workloads there are, and whether the parts that would run it accept it. The
 * run package supplies the installed catalog ({@code RunCatalog.installed()}), whose {@link #admit}
 * maps the scenario exactly as a run would, as a dry run; so a scenario the reader accepts is one
 * that runs. The scenario package itself never reaches the server registry.
 */
public interface ScenarioCatalog {

    /** The server variant names, sorted; empty to check the names' syntax only. */
    List<String> variants();

    /** The workload names, in the order help lists them; empty to check the names' syntax only. */
    List<String> workloads();

    /**
     * What the parts that would run {@code scenario} refuse in it, each naming its field path: a
     * variant option the variant does not take, a workload parameter it does not understand, an
     * address that does not resolve, a body file that cannot be read. Empty when it would run.
     * Starts nothing and binds nothing.
     */
    List<InvalidValueException.Violation> admit(Scenario scenario);

    /** A catalog that knows no names and admits everything: only the file's own rules are checked. */
    static ScenarioCatalog syntaxOnly() {
        return of(List.of(), List.of());
    }

    /** A catalog of these names that admits every scenario naming them (for tests and tools). */
    static ScenarioCatalog of(Collection<String> variants, Collection<String> workloads) {
        List<String> v = List.copyOf(new TreeSet<>(variants));
        List<String> w = List.copyOf(new TreeSet<>(workloads));
        return new ScenarioCatalog() {
            @Override
            public List<String> variants() {
                return v;
            }

            @Override
            public List<String> workloads() {
                return w;
            }

            @Override
            public List<InvalidValueException.Violation> admit(Scenario scenario) {
                return List.of();
            }
        };
    }
}
