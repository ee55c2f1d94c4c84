package dev.loupe.engine.server.workload;

import dev.loupe.engine.server.RequestHandler;

/**
 * A parsed, checked SPEC: a known workload and its parameter (the default filled in when the SPEC
 * had none). Make one with {@link Workloads#parse}.
 *
 * @param workload the workload named
 * @param parameter the parameter as given, or the workload's default; empty when it takes none
 */
public record ConfiguredWorkload(Workload workload, String parameter) {

    /** A new handler for this SPEC. */
    public RequestHandler newHandler() {
        return workload.handler(parameter);
    }

    /** The SPEC as a user would write it, e.g. {@code hello} or {@code sleep:1ms}. */
    public String text() {
        return parameter.isEmpty() ? workload.name() : workload.name() + ":" + parameter;
    }

    @Override
    public String toString() {
        return text();
    }
}
