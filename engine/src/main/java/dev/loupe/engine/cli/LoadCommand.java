package dev.loupe.engine.cli;

import dev.loupe.engine.load.ArrivalSchedule;
import dev.loupe.engine.load.HttpUrl;
import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.load.LoadSpec;
import dev.loupe.engine.load.RequestSpec;
import dev.loupe.engine.measure.IntervalSnapshot;
import dev.loupe.engine.run.RunListener;
import dev.loupe.engine.session.RunSession;
import dev.loupe.engine.session.SessionOutcome;
import dev.loupe.engine.units.Durations;
import dev.loupe.engine.units.Numbers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code loupe load URL}: wrk-style load at any plain-HTTP URL, closed model or, with {@code -R}, open. */
@Command(
        name = "load",
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "",
        header = "Drive HTTP/1.1 load at a URL and print latency, throughput and errors (like wrk / wrk2).",
        descriptionHeading = "%n",
        description = {
            "Without -R, each connection sends its next request when the previous response is complete"
                    + " (closed model, like wrk): latency runs from the actual send.",
            "With -R, requests start at a fixed rate whether or not the server keeps up (open model, like wrk2):"
                    + " latency runs from each request's intended start (corrected) and is shown beside the"
                    + " latency from the actual send (uncorrected), so a stalled server cannot hide behind"
                    + " a generator that waited for it.",
            "",
            "Progress goes to standard error once a second; the summary goes to standard output."
                    + " Ctrl+C stops early and still prints (and writes) the summary of what ran, exit code 130.",
            "",
            "Durations are a number and a unit: 250ms, 10s, 1.5s, 2m, 1h."
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./loupe load http://127.0.0.1:8080/ -c 50 -d 30s",
            "  ./loupe load http://127.0.0.1:8080/ -c 50 -R 2000 --warmup 5s --json result.json",
            "  ./loupe load http://127.0.0.1:8080/json/5 --body item.json -H 'Content-Type: application/json'",
            "",
            "Exit codes: 0 done, 2 bad input, 130 interrupted (the partial summary is still printed and written)."
        })
final class LoadCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    Interrupts interrupts = Interrupts.CTRL_C;
    LoadGenerator generator = LoadGenerator.create();

    @Parameters(index = "0", paramLabel = "URL",
            description = "An http:// URL, e.g. http://127.0.0.1:8080/hello (https is not supported).")
    String url;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "" + LoadSpec.DEFAULT_CONNECTIONS,
            description = "TCP connections to keep open, at most one request in flight on each (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = {"-t", "--threads"}, paramLabel = "THREADS", defaultValue = "" + LoadSpec.DEFAULT_THREADS,
            description = "Selector threads sharing the connections (default: ${DEFAULT-VALUE}; one leaves a core to the server on a 2-core machine).")
    int threads;

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME", defaultValue = LoadSpec.DEFAULT_DURATION_TEXT,
            converter = DurationConverter.class,
            description = "How long to measure, after the warm-up (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = {"-R", "--rate"}, paramLabel = "RATE",
            description = "Open model: start RATE requests per second in total, on schedule, and measure from each intended start.")
    Double rate;

    @Option(names = "--poisson",
            description = "With -R: Poisson arrivals (random gaps averaging 1/RATE) instead of evenly spaced ones.")
    boolean poisson;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + LoadSpec.DEFAULT_SEED,
            description = "Seed for --poisson (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = LoadSpec.DEFAULT_WARMUP_TEXT,
            converter = DurationConverter.class,
            description = "Send for this long first without measuring (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = LoadSpec.DEFAULT_REQUEST_TIMEOUT_TEXT,
            converter = DurationConverter.class,
            description = "Request timeout: the longest wait for a complete response after sending (default: ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    @Option(names = "--connect-timeout", paramLabel = "TIME", defaultValue = LoadSpec.DEFAULT_CONNECT_TIMEOUT_TEXT,
            converter = DurationConverter.class,
            description = "The longest a TCP connect may take (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--think", paramLabel = "TIME", defaultValue = "0ms", converter = DurationConverter.class,
            description = "Closed model only: pause between a response and the connection's next request (default: ${DEFAULT-VALUE}).")
    Duration think;

    @Option(names = "--no-keepalive",
            description = "Open a new connection for every request and send 'Connection: close'.")
    boolean noKeepAlive;

    @Option(names = "--leak-connections", paramLabel = "N", defaultValue = "0",
            description = "Act as a client that never closes its responses: each request on a new connection, the"
                    + " old one left open, up to N (then the oldest is closed); at most "
                    + LoadSpec.MAX_LEAKED_CONNECTIONS + " (default: ${DEFAULT-VALUE}, no leak).")
    int leakConnections;

    @Option(names = {"-H", "--header"}, paramLabel = "'K: V'",
            description = "Add a request header; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-m", "--method"}, paramLabel = "M",
            description = "The request method (default: GET, or POST with --body).")
    String method;

    @Option(names = "--body", paramLabel = "FILE",
            description = "Send this file's bytes as the request body.")
    Path body;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write {\"summary\": {...}} (result.json's summary object) to FILE.")
    Path json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-q", "--quiet"},
            description = "No progress lines on standard error.")
    boolean quiet;

    /** The option that sets each of {@link LoadSpec}'s fields, for its messages. */
    private static final Map<String, String> OPTION_OF_FIELD = Map.of(
            "connections", "--connections", "threads", "--threads", "duration", "--duration", "warmup", "--warmup",
            "timeout", "--timeout", "connectTimeout", "--connect-timeout", "thinkTime", "--think", "rateRps", "--rate",
            "leakConnections", "--leak-connections");
    private static final Pattern FIELD_MESSAGE = Pattern.compile("(\\w+): (.*)");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        LoadSpec spec = resolve();
        checkJsonTarget();

        RunSession session = RunSession.load(spec, Optional.ofNullable(json), generator);
        List<RunListener> listeners = new ArrayList<>();
        if (!quiet) {
            LoadProgress progress = new LoadProgress(err, spec.warmup().plus(spec.duration()).toMillis(), spec.isOpen());
            listeners.add(new RunListener() {
                @Override
                public void onSnapshot(IntervalSnapshot snapshot) {
                    progress.onInterval(snapshot);
                }
            });
        }
        err.println("loupe: loading " + url + " for " + Durations.format(spec.warmup().plus(spec.duration()))
                + " (Ctrl+C stops early and still prints the summary)");
        err.flush();
        CountDownLatch reported = new CountDownLatch(1);
        try (AutoCloseable ignored = interrupts.stopOnInterrupt(session, reported)) {
            return switch (session.start(listeners).await()) {
                case SessionOutcome.SetupFailed failed -> throw new UserInputException(url + ": " + failed.message());
                case SessionOutcome.Failed failed -> throw failed.cause() instanceof Exception e ? e
                        : new IllegalStateException(failed.cause());
                case SessionOutcome.ScenarioFinished unexpected -> throw new IllegalStateException("a load session ran a scenario");
                case SessionOutcome.LoadFinished done -> {
                    LoadReport.print(out, heading(spec), done.result());
                    yield done.stopped() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
                }
            };
        } finally {
            reported.countDown();
        }
    }

    /** The options as the generator's specification; its checks, worded with the option names. */
    private LoadSpec resolve() {
        HttpUrl target;
        try {
            target = HttpUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        positive("--duration", duration);
        if (poisson && rate == null) {
            throw new UserInputException("--poisson needs a rate (expected: -R RATE as well)");
        }
        if (rate != null && !think.isZero()) {
            throw new UserInputException("--think applies to the closed model only (expected: either -R or --think, not both)");
        }
        if (rate != null && !(rate > 0)) {
            throw new UserInputException("--rate " + Numbers.plain(rate) + " (expected: more than 0 requests per second)");
        }
        byte[] bodyBytes = new byte[0];
        if (body != null) {
            try {
                bodyBytes = Files.readAllBytes(body);
            } catch (NoSuchFileException e) {
                throw new UserInputException("--body " + body + ": no such file (expected: a file to send as the request body)");
            } catch (IOException e) {
                throw new UserInputException("--body " + body + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        String m = method != null ? method.toUpperCase(Locale.ROOT) : body != null ? "POST" : "GET";
        try {
            List<RequestSpec.Header> hs = new ArrayList<>();
            for (String h : headers) {
                hs.add(RequestSpec.Header.parse(h));
            }
            RequestSpec request = new RequestSpec(m, target.pathAndQuery(), hs, bodyBytes, 1);
            LoadSpec.Builder b = LoadSpec.builder(target.target())
                    .request(request)
                    .connections(connections)
                    .threads(threads)
                    .duration(duration)
                    .warmup(warmup)
                    .requestTimeout(requestTimeout)
                    .connectTimeout(connectTimeout)
                    .keepAlive(!noKeepAlive)
                    .leakConnections(leakConnections)
                    .seed(seed);
            if (rate != null) {
                b.open(poisson ? ArrivalSchedule.poisson(rate, seed) : ArrivalSchedule.constant(rate));
            } else {
                b.closed(think);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(asOption(e.getMessage()));
        }
    }

    /** {@code threads: 3 (expected: 1..2)} as {@code --threads 3 (expected: 1..2)}. */
    private static String asOption(String message) {
        Matcher m = FIELD_MESSAGE.matcher(message);
        if (m.matches() && OPTION_OF_FIELD.containsKey(m.group(1))) {
            return OPTION_OF_FIELD.get(m.group(1)) + " " + m.group(2);
        }
        return message;
    }

    private static void positive(String option, Duration value) {
        if (value.isZero()) {
            throw new UserInputException(option + " " + Durations.format(value) + " (expected: more than 0, e.g. 10s)");
        }
    }

    /** Fails before the run, not after it, if the summary could not be written. */
    private void checkJsonTarget() {
        if (json == null) {
            return;
        }
        Path dir = json.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserInputException("--json " + json + ": the folder " + dir + " does not exist (expected: a file in an existing folder)");
        }
        if (Files.isDirectory(json)) {
            throw new UserInputException("--json " + json + " is a folder (expected: a file name)");
        }
        if (!Files.isWritable(dir)) {
            throw new UserInputException("--json " + json + ": the folder " + dir + " is not writable");
        }
    }

    private String heading(LoadSpec spec) {
        StringBuilder h = new StringBuilder("loupe load ").append(url).append('\n').append("  ");
        if (rate != null) {
            h.append(poisson ? "open model, Poisson arrivals at " : "open model, constant rate of ")
                    .append(Numbers.rateRps(rate)).append(", ");
        } else {
            h.append("closed model, ");
            if (!think.isZero()) {
                h.append("think time ").append(Durations.format(think)).append(", ");
            }
        }
        h.append(spec.connections()).append(spec.connections() == 1 ? " connection, " : " connections, ")
                .append(spec.threads()).append(spec.threads() == 1 ? " thread, " : " threads, ")
                .append(spec.leakConnections() > 0
                        ? "a new connection per request with the old ones left open (up to " + spec.leakConnections() + "), "
                        : spec.keepAlive() ? "keep-alive, " : "a new connection per request, ")
                .append(Durations.format(spec.duration())).append(" measured");
        h.append(spec.warmup().isZero() ? " (no warm-up)" : " after " + Durations.format(spec.warmup()) + " of warm-up");
        return h.toString();
    }
}
