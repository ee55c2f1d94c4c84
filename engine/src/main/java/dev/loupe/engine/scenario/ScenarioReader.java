package dev.loupe.engine.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads scenario files into resolved {@link Scenario}s. Each field is resolved once, in this
 * order: the explicit value from the command line ({@link Overrides}), else the file's value, else
 * the preset's value ({@link Preset}, chosen by {@code load.profile}), else the default in
 * {@link ScenarioDefaults}. Everything wrong is collected before anything is thrown: one
 * {@link InvalidScenarioException} names every problem with its file, line, column, field path,
 * value and the rule — unknown fields (with "did you mean"), wrong types, values out of bounds,
 * rules that relate two fields, unknown overrides. Only a JSON syntax error stops the reading early.
 * Names are checked against a {@link ScenarioCatalog}, which then admits the scenario as a run would
 * map it (a dry run): what the reader accepts, a run accepts.
 *
 * <p>The file's JSON field names are the records' component names; {@code $schema} is accepted
 * (and ignored) so that editors can check files against {@code scenario.schema.json}. A
 * {@code bodyFile} is read relative to the scenario file's folder. Instances are immutable and
 * may be shared.
 */
public final class ScenarioReader {
    /** The largest scenario file read, in bytes. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    private final ScenarioCatalog catalog;

    /**
     * A reader that checks {@code server.variant} and {@code workload} against the catalog's names (an
     * empty list checks only their syntax) and asks the catalog to admit every scenario that passes
     * the file's own rules.
     */
    public ScenarioReader(ScenarioCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Reads {@code file} with no overrides. */
    public Scenario read(Path file) throws InvalidScenarioException {
        return read(file, Overrides.none());
    }

    /**
     * Reads {@code file}, with {@code overrides} beating the file's values.
     *
     * @throws InvalidScenarioException listing every problem, each naming {@code file} as the user
     *     wrote it; also when the file is missing, a folder, unreadable or larger than {@link #MAX_FILE_BYTES}
     */
    public Scenario read(Path file, Overrides overrides) throws InvalidScenarioException {
        byte[] bytes = bytesOf(file);
        Path folder = file.toAbsolutePath().getParent();
        return read(bytes, file.toString(), folder, overrides);
    }

    /**
     * The bytes of a scenario file.
     *
     * @throws InvalidScenarioException naming {@code file} as the user wrote it when it is missing, a
     *     folder, unreadable or larger than {@link #MAX_FILE_BYTES}
     */
    static byte[] bytesOf(Path file) throws InvalidScenarioException {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw fileProblem(source, "is a folder (expected: a scenario file, e.g. " + file.resolve("quick.json") + ")");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw fileProblem(source, "is " + size + " bytes (expected: a scenario file of at most " + MAX_FILE_BYTES + " bytes)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fileProblem(source, "no such file");
        } catch (AccessDeniedException e) {
            throw fileProblem(source, "cannot be read (permission denied)");
        } catch (IOException e) {
            throw fileProblem(source, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads a scenario from text, e.g. what the dashboard's editor holds.
     *
     * @param source the name problems give, e.g. the file name
     * @param baseDir the folder a {@code bodyFile} is relative to
     */
    public Scenario read(String json, String source, Path baseDir, Overrides overrides) throws InvalidScenarioException {
        return read(json.getBytes(StandardCharsets.UTF_8), source, baseDir.toAbsolutePath(), overrides);
    }

    private Scenario read(byte[] json, String source, Path baseDir, Overrides overrides) throws InvalidScenarioException {
        List<ScenarioProblem> parseProblems = new ArrayList<>();
        Json.Obj root = Json.parse(json, source, parseProblems);
        Resolution r = new Resolution(source, baseDir, overrides, parseProblems);
        Scenario scenario = new Binding(r).scenario(root);
        r.reportUnusedOverrides();
        if (scenario != null && r.problems().isEmpty()) {
            for (InvalidValueException.Violation v : catalog.admit(scenario)) {
                r.report(v.path(), root.position(), v.value(), v.expected());
            }
        }
        List<ScenarioProblem> problems = r.problems();
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return scenario;
    }

    /**
     * How every field a scenario file may hold is written in JSON, list entries as {@code []}:
     * {@code load.connections} is an {@link FieldType#INTEGER}, {@code thresholds} a {@link
     * FieldType#MAP}. The same for every reader.
     */
    public static Map<String, FieldType> fieldTypes() {
        try {
            Json.Obj root = Json.parse(EVERY_CONTAINER.getBytes(StandardCharsets.UTF_8), "fields", new ArrayList<>());
            Resolution r = new Resolution("fields", Path.of("").toAbsolutePath(), Overrides.none(), List.of());
            new ScenarioReader(ScenarioCatalog.syntaxOnly()).new Binding(r).scenario(root);
            return r.fieldTypes();
        } catch (InvalidScenarioException e) {
            throw new AssertionError("the fixed text " + EVERY_CONTAINER + " is JSON", e);
        }
    }

    /** A file with one entry in each list, so that reading it asks for every field there is. */
    private static final String EVERY_CONTAINER = "{\"load\": {\"stages\": [{}], \"mix\": [{}]}}";

    /** Every field path this reader accepts, list entries as {@code []}; for the schema drift test. */
    Set<String> fieldPaths(String json) throws InvalidScenarioException {
        Json.Obj root = Json.parse(json.getBytes(StandardCharsets.UTF_8), "fields", new ArrayList<>());
        Resolution r = new Resolution("fields", Path.of("").toAbsolutePath(), Overrides.none(), List.of());
        new Binding(r).scenario(root);
        return r.fieldPaths();
    }

    private static InvalidScenarioException fileProblem(String source, String message) {
        return new InvalidScenarioException(List.of(new ScenarioProblem(source, 0, 0, "", message)));
    }

    /** Binds one document to records; one instance per read. */
    private final class Binding {
        private final Resolution r;

        Binding(Resolution r) {
            this.r = r;
        }

        Scenario scenario(Json.Obj root) {
            Fields top = new Fields(r, "", root, root.position());
            top.text("$schema", null); // lets editors find scenario.schema.json; not part of the scenario
            String name = top.text("name", null);
            String description = top.text("description", ScenarioDefaults.DESCRIPTION);
            Fields loadFields = top.object("load");
            Preset profile = loadFields.choice("profile", Preset.values(), ScenarioDefaults.PROFILE);
            ServerSettings server = server(top.object("server"), profile);
            String spec = top.text("workload", null);
            WorkloadSpec workload = spec == null ? null
                    : knownWorkload(r.build("workload", top.positionOf("workload"), () -> WorkloadSpec.parse(spec)),
                            top.positionOf("workload"));
            LoadSettings load = load(loadFields, profile);
            TelemetrySettings telemetry = telemetry(top.object("telemetry"));
            List<Threshold> thresholds = thresholds(top);
            top.finish();
            return r.build("", root.position(),
                    () -> new Scenario(name, description, server, workload, load, telemetry, thresholds));
        }

        /** The workload if the catalog knows its name (its parameter is for {@link ScenarioCatalog#admit}); else reported, and null. */
        private WorkloadSpec knownWorkload(WorkloadSpec syntax, Json.Position position) {
            List<String> names = catalog.workloads();
            if (syntax == null || names.isEmpty() || names.contains(syntax.name())) {
                return syntax;
            }
            String hint = Suggestions.didYouMean(syntax.name(), names);
            r.report("workload", position, FieldChecks.quote(syntax.toString()),
                    "a workload, one of " + String.join(", ", names) + (hint.isEmpty() ? "" : "; " + hint));
            r.markFailed("workload");
            return null;
        }

        private ServerSettings server(Fields f, Preset profile) {
            String variant = f.text("variant", null);
            int maxThreads = f.integer("maxThreads", ScenarioDefaults.MAX_THREADS);
            // A preset's value never breaks a cap the user set: it fills, it does not contradict.
            int threads = f.integer("threads", Math.max(1, Math.min(profile.serverThreads(), maxThreads)));
            String bindAddress = f.text("bindAddress", ScenarioDefaults.BIND_ADDRESS);
            int port = f.integer("port", ScenarioDefaults.PORT);
            Duration keepAliveIdle = f.duration("keepAliveIdle", ScenarioDefaults.KEEP_ALIVE_IDLE);
            Duration headerReadTimeout = f.duration("headerReadTimeout", ScenarioDefaults.HEADER_READ_TIMEOUT);
            Duration gracefulStop = f.duration("gracefulStop", ScenarioDefaults.GRACEFUL_STOP);
            int maxRequestLineBytes = f.integer("maxRequestLineBytes", ScenarioDefaults.MAX_REQUEST_LINE_BYTES);
            int maxHeaderBytes = f.integer("maxHeaderBytes", ScenarioDefaults.MAX_HEADER_BYTES);
            int maxBodyBytes = f.integer("maxBodyBytes", ScenarioDefaults.MAX_BODY_BYTES);
            Map<String, String> options = options(f);
            f.finish();
            ServerSettings server = r.build(f.path(), f.position(), () -> new ServerSettings(variant, threads,
                    bindAddress, port, keepAliveIdle, headerReadTimeout, gracefulStop, maxThreads,
                    maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, options));
            List<String> knownVariants = catalog.variants();
            if (server != null && !knownVariants.isEmpty() && !knownVariants.contains(variant)) {
                String hint = Suggestions.didYouMean(variant, knownVariants);
                r.report(f.childPath("variant"), f.position(), FieldChecks.quote(variant),
                        "one of " + String.join(", ", knownVariants) + (hint.isEmpty() ? "" : "; " + hint));
                r.markFailed(f.path());
                return null;
            }
            return server;
        }

        /** {@code server.options}: each value a number, a word in quotes or a flag, kept as text. */
        private Map<String, String> options(Fields server) {
            Map<String, String> options = new LinkedHashMap<>();
            server.entries("options").values().forEach(e -> {
                String path = server.childPath("options") + "." + e.key();
                if (e.explicit()) {
                    r.explicit(path, e.value().shown());
                } else {
                    r.written(path, e.value().position(), e.value().shown());
                }
                switch (e.value()) {
                    case Json.Str s -> options.put(e.key(), s.value());
                    case Json.Num n -> options.put(e.key(), n.text());
                    case Json.Bool b -> options.put(e.key(), Boolean.toString(b.value()));
                    default -> {
                        r.report(path, e.value().position(), e.value().shown(),
                                "an option value: a number, text in quotes, or true or false");
                        r.markFailed(server.childPath("options"));
                    }
                }
            });
            return options;
        }

        private LoadSettings load(Fields f, Preset profile) {
            LoadModel model = f.choice("model", LoadModel.values(), ScenarioDefaults.MODEL);
            int connections = f.integer("connections", profile.connections());
            Schedule schedule = f.choice("schedule", Schedule.values(), ScenarioDefaults.SCHEDULE);
            double rateRps = f.number("rateRps",
                    model == LoadModel.OPEN && schedule == Schedule.RAMP ? ScenarioDefaults.RAMP_START_RATE_RPS : 0);
            List<RampStage> stages = stages(f);
            Duration duration = f.duration("duration", ScenarioDefaults.DURATION);
            Duration warmup = f.duration("warmup", ScenarioDefaults.WARMUP);
            boolean keepAlive = f.flag("keepAlive", ScenarioDefaults.KEEP_ALIVE);
            int leakConnections = f.integer("leakConnections", ScenarioDefaults.LEAK_CONNECTIONS);
            int threads = f.integer("threads", Math.max(1, Math.min(ScenarioDefaults.GENERATOR_THREADS, connections)));
            Duration connectTimeout = f.duration("connectTimeout", ScenarioDefaults.CONNECT_TIMEOUT);
            Duration timeout = f.duration("timeout", ScenarioDefaults.REQUEST_TIMEOUT);
            Duration thinkTime = f.duration("thinkTime", ScenarioDefaults.THINK_TIME);
            Fields requestFields = f.object("request");
            RequestTemplate request = request(requestFields, Map.of());
            requestFields.finish();
            List<WeightedRequest> mix = mix(f, request == null ? Map.of() : request.headers());
            int jobs = f.integer("jobs", profile.jobs());
            int concurrentJobs = f.integer("concurrentJobs", Math.max(1, Math.min(profile.concurrentJobs(), jobs)));
            f.finish();
            return r.build(f.path(), f.position(), () -> new LoadSettings(profile, model, connections, rateRps,
                    schedule, stages, duration, warmup, keepAlive, leakConnections, threads, connectTimeout, timeout, thinkTime,
                    request, mix, jobs, concurrentJobs));
        }

        private List<RampStage> stages(Fields load) {
            List<RampStage> stages = new ArrayList<>();
            for (Fields f : load.objects("stages")) {
                Duration duration = f.duration("duration", null);
                double rateRps = f.number("rateRps", Double.NaN);
                f.finish();
                RampStage stage = r.build(f.path(), f.position(), () -> new RampStage(duration, rateRps));
                if (stage == null) {
                    r.markFailed(load.childPath("stages"));
                } else {
                    stages.add(stage);
                }
            }
            return stages;
        }

        private List<WeightedRequest> mix(Fields load, Map<String, String> sharedHeaders) {
            List<WeightedRequest> mix = new ArrayList<>();
            for (Fields f : load.objects("mix")) {
                int weight = f.integer("weight", ScenarioDefaults.MIX_WEIGHT);
                RequestTemplate request = request(f, sharedHeaders);
                f.finish();
                WeightedRequest entry = request == null ? null
                        : r.build(f.path(), f.position(), () -> new WeightedRequest(weight, request));
                if (entry == null) {
                    r.markFailed(load.childPath("mix"));
                } else {
                    mix.add(entry);
                }
            }
            return mix;
        }

        /** A request's fields; {@code sharedHeaders} come first and the request's own replace them. */
        private RequestTemplate request(Fields f, Map<String, String> sharedHeaders) {
            String method = f.text("method", ScenarioDefaults.METHOD);
            String path = f.text("path", ScenarioDefaults.PATH);
            Map<String, String> headers = new LinkedHashMap<>(sharedHeaders);
            f.entries("headers").values().forEach(e -> {
                String headerPath = f.childPath("headers") + "." + e.key();
                if (e.explicit()) {
                    r.explicit(headerPath, e.value().shown());
                } else {
                    r.placed(headerPath, e.keyPosition());
                }
                if (e.value() instanceof Json.Str s) {
                    headers.put(e.key(), s.value());
                } else {
                    r.report(headerPath, e.value().position(), e.value().shown(), "a header value, in quotes");
                    r.markFailed(f.childPath("headers"));
                }
            });
            RequestBody body = body(f);
            return r.build(f.path(), f.position(), () -> new RequestTemplate(method, path, headers, body));
        }

        private RequestBody body(Fields f) {
            String text = f.text("body", null);
            String file = f.text("bodyFile", null);
            if (text != null && file != null) {
                r.report(f.childPath("bodyFile"), f.position(), FieldChecks.quote(file),
                        "either body or bodyFile, not both");
                return RequestBody.NONE;
            }
            if (text != null) {
                RequestBody body = r.build(f.path(), f.position(), () -> new RequestBody.Text(text));
                return body == null ? RequestBody.NONE : body;
            }
            if (file == null) {
                return RequestBody.NONE;
            }
            String path = f.childPath("bodyFile");
            Path resolved;
            try {
                resolved = r.baseDir.resolve(file).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                r.report(path, f.position(), FieldChecks.quote(file), "a file path (" + e.getReason() + ")");
                return RequestBody.NONE;
            }
            if (!Files.isRegularFile(resolved)) {
                r.report(path, f.position(), FieldChecks.quote(file), "a file next to the scenario; "
                        + resolved + (Files.isDirectory(resolved) ? " is a folder" : " does not exist"));
            } else if (!Files.isReadable(resolved)) {
                r.report(path, f.position(), FieldChecks.quote(file), "a readable file; " + resolved + " cannot be read");
            }
            return new RequestBody.FromFile(resolved);
        }

        private TelemetrySettings telemetry(Fields f) {
            boolean enabled = f.flag("enabled", ScenarioDefaults.TELEMETRY_ENABLED);
            Duration lockThreshold = f.duration("lockThreshold", ScenarioDefaults.LOCK_THRESHOLD);
            Duration sleepThreshold = f.duration("sleepThreshold", ScenarioDefaults.SLEEP_THRESHOLD);
            Duration executionSamplePeriod = f.duration("executionSamplePeriod", ScenarioDefaults.EXECUTION_SAMPLE_PERIOD);
            boolean saveRecording = f.flag("saveRecording", ScenarioDefaults.SAVE_RECORDING);
            double heapGuardPct = f.number("heapGuardPct", ScenarioDefaults.HEAP_GUARD_PCT);
            f.finish();
            return r.build(f.path(), f.position(), () -> new TelemetrySettings(
                    enabled, lockThreshold, sleepThreshold, executionSamplePeriod, saveRecording, heapGuardPct));
        }

        /** Each metric maps to one condition or a list of them; all become thresholds in file order. */
        private List<Threshold> thresholds(Fields top) {
            List<Threshold> thresholds = new ArrayList<>();
            String mapPath = top.childPath("thresholds");
            for (Fields.Entry e : top.entries("thresholds").values()) {
                String metric = e.key();
                String path = mapPath + "." + metric;
                if (e.explicit()) {
                    r.explicit(path, FieldChecks.quote(((Json.Str) e.value()).value()));
                }
                var unknown = Threshold.unknownMetric(metric);
                if (unknown.isPresent()) {
                    r.at(e.explicit() ? null : e.keyPosition(), path, "unknown metric (expected: " + unknown.get() + ")");
                    continue;
                }
                List<Json> conditions = e.value() instanceof Json.Arr list ? list.items() : List.of(e.value());
                if (e.value() instanceof Json.Arr list && list.items().isEmpty()) {
                    r.report(path, e.value().position(), "[]", "at least one condition, e.g. \"< 50\"");
                }
                for (int i = 0; i < conditions.size(); i++) {
                    Json condition = conditions.get(i);
                    String conditionPath = e.value() instanceof Json.Arr ? path + "[" + i + "]" : path;
                    if (!(condition instanceof Json.Str s)) {
                        r.report(conditionPath, condition.position(), condition.shown(),
                                "a condition in quotes, e.g. \"< 50\", or a list of them");
                        continue;
                    }
                    if (!e.explicit()) {
                        r.written(conditionPath, condition.position(), condition.shown());
                    }
                    try {
                        thresholds.add(Threshold.of(metric, s.value()));
                    } catch (InvalidValueException bad) {
                        bad.violations().forEach(v ->
                                r.report(conditionPath, condition.position(), v.value(), v.expected()));
                    }
                }
            }
            return thresholds;
        }
    }
}
