package dev.loupe.engine.scenario;

import java.util.Locale;

/**
 * A load preset, named by {@code load.profile}. A preset fills only what the scenario file and the
 * command line leave unset (docs/scenario-files.md, "Where a value comes from"): the HTTP connections, the server's pool size,
 * event-loop count or standby count ({@code server.threads}), and the job load of job workloads.
 * A preset's value never contradicts a value the user set: where the user set a cap (say
 * {@code load.jobs: 9}), the preset's value is lowered to it ({@code load.concurrentJobs} becomes 9).
 */
public enum Preset {
    /** 10 connections, 2 server threads, 10 jobs with 5 at a time: a quiet server, a baseline. */
    LIGHT(10, 2, 10, 5),
    /** 100 connections, 4 server threads, 100 jobs with 20 at a time: where queueing starts to show. */
    HEAVY(100, 4, 100, 20),
    /** 1000 connections, 8 server threads, 500 jobs with 40 at a time: past saturation. */
    STRESS(1000, 8, 500, 40);

    private final int connections;
    private final int serverThreads;
    private final int jobs;
    private final int concurrentJobs;

    Preset(int connections, int serverThreads, int jobs, int concurrentJobs) {
        this.connections = connections;
        this.serverThreads = serverThreads;
        this.jobs = jobs;
        this.concurrentJobs = concurrentJobs;
    }

    /** {@code load.connections} when unset. */
    public int connections() {
        return connections;
    }

    /** {@code server.threads} when unset, capped at {@code server.maxThreads}: pool size, event loops or standby threads. */
    public int serverThreads() {
        return serverThreads;
    }

    /** {@code load.jobs} when unset. */
    public int jobs() {
        return jobs;
    }

    /** {@code load.concurrentJobs} when unset, capped at {@code load.jobs}. */
    public int concurrentJobs() {
        return concurrentJobs;
    }

    /** The name in scenario files: {@code light}, {@code heavy}, {@code stress}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
