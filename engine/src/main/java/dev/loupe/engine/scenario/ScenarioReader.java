package dev.loupe.engine.scenario;

import dev.loupe.engine.units.Numbers;
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
import java.util.Optional;
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
        return bind(json, source, baseDir, overrides).scenario();
    }

    /** A file read: its scenario and its grid as written, when there is one. */
    private record Bound(Scenario scenario, List<GridAxis> grid, ScenarioGrid.Kind kind, SearchSpec search) {}

    /** A matrix's or sweep's axis as the file writes it, with where, for the problems of its values. */
    private record GridAxis(String path, List<String> values, Json.Position at, String problemPath) {}

    /**
     * Reads {@code file} with everything it asks to run: a matrix's or sweep's cells are each read as
     * the file with the cell's fields set (as {@code --set} would), then {@code overrides}, and
     * checked as a file of its own; a problem in a cell names the cell.
     *
     * @throws InvalidScenarioException listing every problem of the file, the grid and its cells
     */
    public ScenarioPlan readPlan(Path file, Overrides overrides) throws InvalidScenarioException {
        byte[] bytes = bytesOf(file);
        String source = file.toString();
        Path folder = file.toAbsolutePath().getParent();
        List<ScenarioProblem> parseProblems = new ArrayList<>();
        Json.Obj root = Json.parse(bytes, source, parseProblems);
        if (!parseProblems.isEmpty()) {
            throw new InvalidScenarioException(parseProblems);
        }
        Resolution gridOnly = new Resolution(source, folder, Overrides.none(), List.of());
        Binding binding = new Binding(gridOnly);
        binding.grid(new Fields(gridOnly, "", root, root.position()));
        List<ScenarioProblem> problems = new ArrayList<>(gridOnly.problems());
        if (binding.axes.isEmpty()) {
            if (!problems.isEmpty()) {
                throw new InvalidScenarioException(problems);
            }
            Bound bound = bind(bytes, source, folder, overrides);
            return new ScenarioPlan(Optional.empty(), List.of(bound.scenario()), Optional.ofNullable(bound.search()));
        }
        if (gridHasSearch(root)) {
            problems.add(problem(source, root.position(), "load.search", "a search beside a " + binding.kind
                    + " (expected: one of them)"));
        }
        Map<String, FieldType> types = fieldTypes();
        long cells = 1;
        for (GridAxis axis : binding.axes) {
            FieldType type = types.get(axis.path());
            if (type == null || type == FieldType.MAP || axis.path().equals("$schema")) {
                String hint = Suggestions.didYouMean(axis.path(), types.keySet());
                problems.add(problem(source, axis.at(), axis.problemPath(), FieldChecks.quote(axis.path())
                        + " (expected: a field of the scenario, as --set names it, e.g. load.connections"
                        + (hint.isEmpty() ? "" : "; " + hint) + ")"));
            }
            if (overrides.values().containsKey(axis.path())) {
                problems.add(problem(source, axis.at(), axis.problemPath(), "--set " + axis.path()
                        + " is also given (expected: the " + binding.kind + " or --set to set it, not both)"));
            }
            cells *= axis.values().size();
        }
        if (cells > ScenarioGrid.MAX_CELLS) {
            problems.add(problem(source, root.position(), binding.kind.toString(), cells + " runs (expected: at most "
                    + ScenarioGrid.MAX_CELLS + "; the runs are the product of the lists' lengths)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        ScenarioGrid grid = new ScenarioGrid(binding.kind,
                binding.axes.stream().map(a -> new ScenarioGrid.Axis(a.path(), a.values())).toList());
        List<Scenario> runs = new ArrayList<>();
        for (ScenarioGrid.Cell cell : grid.cells()) {
            Overrides cellOverrides = cell.overrides();
            for (Map.Entry<String, String> e : overrides.values().entrySet()) {
                cellOverrides = cellOverrides.with(e.getKey(), e.getValue());
            }
            try {
                runs.add(read(bytes, source, folder, cellOverrides));
            } catch (InvalidScenarioException e) {
                String where = binding.kind + " run " + (cell.index() + 1) + " of " + cells + " (" + cell.label() + ")";
                for (ScenarioProblem p : e.problems()) {
                    GridAxis axis = binding.axes.stream().filter(a -> a.path().equals(p.path())).findFirst().orElse(null);
                    if (p.source().equals(Overrides.SOURCE) && axis != null) { // the grid's value itself: point at it
                        int valueIndex = axis.values().indexOf(cell.assignments().get(axis.path()));
                        String path = axis.problemPath().equals("sweep.path") ? "sweep.values" : axis.problemPath();
                        problems.add(new ScenarioProblem(source, axis.at().line(), axis.at().column(), path + "[" + valueIndex + "]",
                                p.message() + ", in " + where));
                    } else {
                        problems.add(new ScenarioProblem(p.source().equals(Overrides.SOURCE) ? source : p.source(), p.line(),
                                p.column(), p.path(), "in " + where + ": " + p.message()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return new ScenarioPlan(Optional.of(grid), runs, Optional.empty());
    }

    private static boolean gridHasSearch(Json.Obj root) {
        Json.Member load = root.members().get("load");
        return load != null && load.value() instanceof Json.Obj o && o.members().containsKey("search");
    }

    private static ScenarioProblem problem(String source, Json.Position at, String path, String message) {
        return new ScenarioProblem(source, at.line(), at.column(), path, message);
    }

    private Bound bind(byte[] json, String source, Path baseDir, Overrides overrides) throws InvalidScenarioException {
        List<ScenarioProblem> parseProblems = new ArrayList<>();
        Json.Obj root = Json.parse(json, source, parseProblems);
        Resolution r = new Resolution(source, baseDir, overrides, parseProblems);
        Binding binding = new Binding(r);
        Scenario scenario = binding.scenario(root);
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
        return new Bound(scenario, binding.axes, binding.kind, binding.search);
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
        /** The file's matrix or sweep axes, as written; empty without one. */
        private final List<GridAxis> axes = new ArrayList<>();
        private ScenarioGrid.Kind kind;
        /** The file's {@code load.search}; null without one. */
        private SearchSpec search;

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
            grid(top);
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
            search(f);
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
        /**
         * The file's {@code matrix} (a field path to a list of values, per key) or {@code sweep} ({@code
         * path} and {@code values}); their values are checked when each cell is read.
         */
        void grid(Fields top) {
            Map<String, Fields.Entry> matrix = top.entries("matrix");
            Fields sweep = top.object("sweep");
            String sweepPath = sweep.text("path", null);
            Json sweepValues = sweep.raw("values");
            r.askedContainer("sweep.values[]");
            sweep.finish();
            boolean hasSweep = sweepPath != null || sweepValues != null;
            if (!matrix.isEmpty() && hasSweep) {
                r.at(top.positionOf("sweep"), "sweep", "a sweep beside a matrix (expected: one of them; a matrix of one"
                        + " field is a sweep)");
                return;
            }
            for (Fields.Entry e : matrix.values()) {
                String path = top.childPath("matrix") + "." + e.key();
                values(e.value(), path).ifPresent(values -> axes.add(new GridAxis(e.key(), values, e.keyPosition(), path)));
                kind = ScenarioGrid.Kind.MATRIX;
            }
            if (hasSweep) {
                kind = ScenarioGrid.Kind.SWEEP;
                if (sweepPath == null) {
                    r.at(sweep.position(), "sweep.path", "missing (expected: the field the sweep varies, e.g. server.threads)");
                }
                if (sweepValues == null) {
                    r.at(sweep.position(), "sweep.values", "missing (expected: the values it takes, e.g. [1, 2, 4, 8, 16])");
                }
                if (sweepPath != null && sweepValues != null) {
                    values(sweepValues, "sweep.values").ifPresent(values ->
                            axes.add(new GridAxis(sweepPath, values, sweep.positionOf("path"), "sweep.path")));
                }
            }
        }

        /**
         * {@code load.search}: its SLO in the threshold syntax and its bounds; absent reads as no search.
         */
        void search(Fields load) {
            Json written = load.raw("search");
            Fields f = load.object("search");
            List<Threshold> slo = new ArrayList<>();
            String mapPath = f.childPath("slo");
            Map<String, Fields.Entry> entries = f.entries("slo");
            for (Fields.Entry e : entries.values()) {
                if (!(e.value() instanceof Json.Str condition)) {
                    r.report(mapPath + "." + e.key(), e.value().position(), e.value().shown(), "a condition in quotes, e.g. \"< 50\"");
                    continue;
                }
                var unknown = Threshold.unknownMetric(e.key());
                if (unknown.isPresent()) {
                    r.at(e.keyPosition(), mapPath + "." + e.key(), "unknown metric (expected: " + unknown.get() + ")");
                    continue;
                }
                try {
                    slo.add(Threshold.of(e.key(), condition.value()));
                } catch (InvalidValueException ex) {
                    for (InvalidValueException.Violation v : ex.violations()) {
                        r.report(mapPath + "." + e.key(), condition.position(), v.value(), v.expected());
                    }
                }
            }
            double start = f.number("startRps", SearchSpec.DEFAULT_START_RPS);
            double max = f.number("maxRps", SearchSpec.DEFAULT_MAX_RPS);
            double precision = f.number("precisionPct", SearchSpec.DEFAULT_PRECISION_PCT);
            f.finish();
            if (written == null) {
                return;
            }
            if (slo.isEmpty()) {
                if (entries.isEmpty()) {
                    r.at(f.position(), "load.search.slo", "missing (expected: at least one condition, e.g."
                            + " {\"summary.latencyMs.p99\": \"< 50\"})");
                }
                return;
            }
            boolean ok = true;
            if (!(start >= 1 && start <= 1_000_000)) {
                r.report("load.search.startRps", f.positionOf("startRps"), Numbers.plain(start), "1..1000000");
                ok = false;
            }
            if (ok && !(max >= start && max <= 10_000_000)) {
                r.report("load.search.maxRps", f.positionOf("maxRps"), Numbers.plain(max),
                        "from startRps " + Numbers.plain(start) + " to 10000000");
                ok = false;
            }
            if (!(precision >= 0.1 && precision <= 100)) {
                r.report("load.search.precisionPct", f.positionOf("precisionPct"), Numbers.plain(precision), "0.1..100");
                ok = false;
            }
            if (ok) {
                search = new SearchSpec(slo, start, max, precision);
            }
        }

        /** A list of distinct scalars as {@code --set} text; reported and empty when it is not one. */
        private Optional<List<String>> values(Json json, String path) {
            if (!(json instanceof Json.Arr list) || list.items().isEmpty()) {
                r.report(path, json.position(), json.shown(), "a list of at least one value, e.g. [1, 2, 4] or [true, false]");
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                Json item = list.items().get(i);
                String text = switch (item) {
                    case Json.Str str -> str.value();
                    case Json.Num num -> num.text();
                    case Json.Bool bool -> Boolean.toString(bool.value());
                    default -> null;
                };
                if (text == null) {
                    r.report(path + "[" + i + "]", item.position(), item.shown(), "a string, a number or true / false");
                    return Optional.empty();
                }
                if (values.contains(text)) {
                    r.report(path + "[" + i + "]", item.position(), item.shown(), "a value not already in the list");
                    return Optional.empty();
                }
                values.add(text);
            }
            return Optional.of(values);
        }

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
