package dev.loupe.engine.run;

import dev.loupe.engine.concurrency.ConcurrencyModel;
import dev.loupe.engine.load.ArrivalSchedule;
import dev.loupe.engine.load.LoadSpec;
import dev.loupe.engine.load.LoadTarget;
import dev.loupe.engine.load.Pacing;
import dev.loupe.engine.load.PlaceholderValue;
import dev.loupe.engine.load.RequestSpec;
import dev.loupe.engine.scenario.LoadSettings;
import dev.loupe.engine.scenario.RampStage;
import dev.loupe.engine.scenario.RequestBody;
import dev.loupe.engine.scenario.RequestTemplate;
import dev.loupe.engine.scenario.Scenario;
import dev.loupe.engine.scenario.ServerSettings;
import dev.loupe.engine.scenario.WeightedRequest;
import dev.loupe.engine.server.HttpLimits;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;
import dev.loupe.engine.server.workload.ConfiguredWorkload;
import dev.loupe.engine.server.workload.Workloads;
import java.util.Optional;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a resolved {@link Scenario} into what the server and the load generator take. Pure apart
 * from reading {@code bodyFile}s and resolving the bind address; every failure is a {@link
 * RunSetupException} naming the field.
 */
public final class ScenarioMapping {
    /**
     * The placeholders a request path may hold, and what the generator fills in:
     * {@code {timeInQueueMs}} a time in queue between 500 and 5000 ms (the BunSpreader client's
     * spread), {@code {n}} the request's number in the run.
     */
    public static final Set<String> PLACEHOLDERS = Set.of("timeInQueueMs", "n");

    private static final Pattern EXPECTED_IN_MESSAGE = Pattern.compile("\\(expected:? (.*)\\)$");

    static final long TIME_IN_QUEUE_MIN_MS = 500;
    static final long TIME_IN_QUEUE_MAX_MS = 5000;

    private ScenarioMapping() {}

    /** The server's configuration: variant tunables, limits and a fresh handler for the workload. */
    public static ServerConfig serverConfig(Scenario scenario) throws RunSetupException {
        return serverConfig(scenario, workload(scenario).newHandler());
    }

    /** The server's configuration with {@code handler} serving every request. */
    static ServerConfig serverConfig(Scenario scenario, RequestHandler handler) throws RunSetupException {
        ServerSettings s = scenario.server();
        InetAddress bind;
        try {
            bind = InetAddress.getByName(s.bindAddress());
        } catch (UnknownHostException e) {
            throw new RunSetupException("server.bindAddress", "\"" + s.bindAddress() + "\"",
                    "an address of this machine that resolves, e.g. 127.0.0.1");
        }
        HttpLimits limits = HttpLimits.DEFAULTS
                .withIdleTimeout(s.keepAliveIdle())
                .withHeaderReadTimeout(s.headerReadTimeout())
                .withGracefulStopTimeout(s.gracefulStop())
                .withRequestLineMaxBytes(s.maxRequestLineBytes())
                .withHeaderSectionMaxBytes(s.maxHeaderBytes())
                .withBodyMaxBytes(s.maxBodyBytes());
        try {
            return ServerConfig.of(handler)
                    .withBindAddress(bind)
                    .withPort(s.port())
                    .withThreads(s.threads())
                    .withMaxThreads(s.maxThreads())
                    .withLimits(limits)
                    .withOptions(s.options());
        } catch (IllegalArgumentException e) {
            throw RunSetupException.from("server", e);
        }
    }

    /** The scenario's workload, as the registry reads it: its parameter checked, its default filled in. */
    static ConfiguredWorkload workload(Scenario scenario) throws RunSetupException {
        String spec = scenario.workload().toString();
        try {
            return Workloads.parse(spec, "workload");
        } catch (IllegalArgumentException e) {
            Matcher expected = EXPECTED_IN_MESSAGE.matcher(e.getMessage());
            throw new RunSetupException("workload", "\"" + spec + "\"",
                    expected.find() ? expected.group(1) : e.getMessage());
        }
    }

    /** The scenario's server variant, which checks the configuration it would start with. */
    /** The concurrency model of the scenario's variant; empty when no installed variant has its name. */
    public static Optional<ConcurrencyModel> model(Scenario scenario) {
        try {
            return Optional.of(ServerVariants.byName(scenario.server().variant()).concurrencyModel());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static ServerVariant variant(Scenario scenario, ServerConfig config) throws RunSetupException {
        ServerVariant variant;
        try {
            variant = ServerVariants.byName(scenario.server().variant());
        } catch (IllegalArgumentException e) {
            throw new RunSetupException("server.variant", "\"" + scenario.server().variant() + "\"",
                    "an installed variant, one of " + String.join(", ", ServerVariants.names()));
        }
        try {
            variant.check(config);
        } catch (IllegalArgumentException e) {
            throw RunSetupException.from("server", e);
        }
        return variant;
    }

    /** The load generator's specification, aimed at {@code target}. */
    public static LoadSpec loadSpec(Scenario scenario, LoadTarget target, long seed) throws RunSetupException {
        LoadSettings l = scenario.load();
        List<RequestSpec> requests = new ArrayList<>();
        if (l.mix().isEmpty()) {
            requests.add(request("load.request", l.request(), 1));
        } else {
            for (int i = 0; i < l.mix().size(); i++) {
                WeightedRequest w = l.mix().get(i);
                requests.add(request("load.mix[" + i + "]", w.request(), w.weight()));
            }
        }
        LoadSpec.Builder b = LoadSpec.builder(target)
                .requests(requests)
                .pacing(pacing(l, seed))
                .connections(l.connections())
                .threads(l.threads())
                .warmup(l.warmup())
                .duration(l.duration())
                .keepAlive(l.keepAlive())
                .leakConnections(l.leakConnections())
                .connectTimeout(l.connectTimeout())
                .requestTimeout(l.timeout())
                .seed(seed);
        for (String name : placeholders(requests)) {
            b.placeholder(name, switch (name) {
                case "timeInQueueMs" -> PlaceholderValue.uniformLong(TIME_IN_QUEUE_MIN_MS, TIME_IN_QUEUE_MAX_MS, seed);
                case "n" -> PlaceholderValue.ofLong(n -> n);
                default -> throw new AssertionError("checked in request(): " + name);
            });
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw RunSetupException.from("load", e);
        }
    }

    private static Pacing pacing(LoadSettings l, long seed) {
        return switch (l.model()) {
            case CLOSED -> new Pacing.Closed(l.thinkTime());
            case OPEN -> Pacing.open(switch (l.schedule()) {
                case CONSTANT -> ArrivalSchedule.constant(l.rateRps());
                case POISSON -> ArrivalSchedule.poisson(l.rateRps(), seed);
                case RAMP -> ArrivalSchedule.ramp(stages(l.rateRps(), l.stages(), l.duration().plus(l.warmup())));
            });
        };
    }

    /** Ramp stages from the starting rate; the last rate holds for whatever the stages leave of the run. */
    private static List<ArrivalSchedule.Stage> stages(double startRps, List<RampStage> stages, Duration run) {
        List<ArrivalSchedule.Stage> out = new ArrayList<>();
        double from = startRps;
        Duration covered = Duration.ZERO;
        for (RampStage s : stages) {
            out.add(new ArrivalSchedule.Stage(from, s.rateRps(), s.duration()));
            from = s.rateRps();
            covered = covered.plus(s.duration());
        }
        if (covered.compareTo(run) < 0) {
            out.add(new ArrivalSchedule.Stage(from, from, run.minus(covered)));
        }
        return out;
    }

    private static RequestSpec request(String field, RequestTemplate t, int weight) throws RunSetupException {
        for (String name : placeholderNames(t.path())) {
            if (!PLACEHOLDERS.contains(name)) {
                throw new RunSetupException(field + ".path", "\"" + t.path() + "\"", "placeholders among "
                        + String.join(", ", new TreeSet<>(PLACEHOLDERS).stream().map(p -> "{" + p + "}").toList())
                        + "; {" + name + "} is none of them");
            }
        }
        byte[] body = switch (t.body()) {
            case RequestBody.None none -> new byte[0];
            case RequestBody.Text text -> text.text().getBytes(StandardCharsets.UTF_8);
            case RequestBody.FromFile file -> {
                try {
                    yield Files.readAllBytes(file.file());
                } catch (IOException e) {
                    throw new RunSetupException(field + ".bodyFile", "\"" + file.file() + "\"", "a readable file; "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                }
            }
        };
        List<RequestSpec.Header> headers = new ArrayList<>();
        t.headers().forEach((k, v) -> headers.add(new RequestSpec.Header(k, v)));
        return new RequestSpec(t.method(), t.path(), headers, body, weight);
    }

    private static Set<String> placeholders(List<RequestSpec> requests) {
        Set<String> names = new TreeSet<>();
        requests.forEach(r -> names.addAll(r.placeholderNames()));
        return names;
    }

    private static List<String> placeholderNames(String path) {
        List<String> names = new ArrayList<>();
        int at = path.indexOf('{');
        while (at >= 0) {
            int end = path.indexOf('}', at);
            if (end < 0) {
                break;
            }
            names.add(path.substring(at + 1, end));
            at = path.indexOf('{', end);
        }
        return names;
    }
}
