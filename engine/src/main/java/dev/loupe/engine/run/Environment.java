package dev.loupe.engine.run;

import dev.loupe.engine.LoupeVersion;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where a run ran: {@code result.json}'s {@code environment}.
 *
 * @param javaVersion the runtime's full version, e.g. {@code 25.0.3+9-LTS}
 * @param gc the garbage collectors' names, e.g. {@code G1 Young Generation, G1 Old Generation}
 * @param cpus processors available to the JVM
 * @param os operating system name, version and architecture
 * @param loupeVersion Loupe's version
 */
public record Environment(String javaVersion, String gc, int cpus, String os, String loupeVersion) {
    public Environment {
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(gc, "gc");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(loupeVersion, "loupeVersion");
    }

    /** This JVM's environment. */
    public static Environment current() {
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return new Environment(Runtime.version().toString(), gc, Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                LoupeVersion.version());
    }
}
