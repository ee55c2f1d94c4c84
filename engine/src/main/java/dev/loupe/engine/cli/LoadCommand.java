package dev.loupe.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.loupe.engine.io.AtomicFiles;
import dev.loupe.engine.load.ArrivalSchedule;
import dev.loupe.engine.load.HttpUrl;
import dev.loupe.engine.load.LoadGenerator;
import dev.loupe.engine.load.LoadResult;
import dev.loupe.engine.load.LoadRun;
import dev.loupe.engine.load.LoadSpec;
import dev.loupe.engine.load.RequestSpec;
import dev.loupe.engine.measure.IntervalListener;
import dev.loupe.engine.units.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    Interrupts interrupts = Interrupts.JVM_SHUTDOWN;
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

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME", defaultValue = "10s", converter = DurationConverter.class,
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

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "0s", converter = DurationConverter.class,
            description = "Send for this long first without measuring (default: ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s", converter = DurationConverter.class,
            description = "Request timeout: the longest wait for a complete response after sending (default: ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    @Option(names = "--connect-timeout", paramLabel = "TIME", defaultValue = "2s", converter = DurationConverter.class,
            description = "The longest a TCP connect may take (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--think", paramLabel = "TIME", defaultValue = "0ms", converter = DurationConverter.class,
            description = "Closed model only: pause between a response and the connection's next request (default: ${DEFAULT-VALUE}).")
    Duration think;

    @Option(names = "--no-keepalive",
            description = "Open a new connection for every request and send 'Connection: close'.")
    boolean noKeepAlive;

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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        LoadSpec spec = resolve();
        checkJsonTarget();

        long totalMs = spec.warmup().plus(spec.duration()).toMillis();
        List<IntervalListener> listeners = new ArrayList<>();
        if (!quiet) {
            listeners.add(new LoadProgress(err, totalMs, spec.isOpen()));
        }
        LoadRun run;
        try {
            run = generator.start(spec, listeners);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(url + ": " + e.getMessage());
        }
        String heading = heading(spec);
        err.println("loupe: loading " + url + " for " + Durations.format(spec.warmup().plus(spec.duration()))
                + " (Ctrl+C stops early and still prints the summary)");
        err.flush();
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        LoadResult result;
        try (AutoCloseable ignored = interrupts.onInterrupt(() -> {
            interrupted.set(true);
            run.stop();
            try {
                finished.await(30, TimeUnit.SECONDS); // let the summary print before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            try {
                result = run.awaitResult();
            } catch (InterruptedException e) {
                run.stop();
                result = run.awaitResult(Duration.ofSeconds(30)).orElseThrow(() -> e);
                interrupted.set(true);
            }
            LoadReport.print(out, heading, result);
            if (json != null) {
                writeJson(result);
            }
        } finally {
            finished.countDown();
        }
        return interrupted.get() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    private LoadSpec resolve() {
        HttpUrl target;
        try {
            target = HttpUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        if (connections < 1 || connections > LoadSpec.MAX_CONNECTIONS) {
            throw new UserInputException("--connections " + connections + " (expected: 1.." + LoadSpec.MAX_CONNECTIONS + ")");
        }
        int maxThreads = Math.min(LoadSpec.MAX_THREADS, connections);
        if (threads < 1 || threads > maxThreads) {
            throw new UserInputException("--threads " + threads + " (expected: 1.." + maxThreads
                    + ": at most " + LoadSpec.MAX_THREADS + " and at most the number of connections)");
        }
        positive("--duration", duration);
        positive("--timeout", requestTimeout);
        positive("--connect-timeout", connectTimeout);
        if (warmup.plus(duration).compareTo(LoadSpec.MAX_RUN) > 0) {
            throw new UserInputException("--warmup " + Durations.format(warmup) + " plus --duration " + Durations.format(duration)
                    + " (expected: at most " + Durations.format(LoadSpec.MAX_RUN) + " together)");
        }
        if (rate != null && (!(rate > 0) || rate > 10_000_000)) {
            throw new UserInputException("--rate " + rate + " (expected: more than 0 and at most 10000000 requests per second)");
        }
        if (poisson && rate == null) {
            throw new UserInputException("--poisson needs a rate (expected: -R RATE as well)");
        }
        if (rate != null && !think.isZero()) {
            throw new UserInputException("--think applies to the closed model only (expected: either -R or --think, not both)");
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
                    .seed(seed);
            if (rate != null) {
                b.open(poisson ? ArrivalSchedule.poisson(rate, seed) : ArrivalSchedule.constant(rate));
            } else {
                b.closed(think);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
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

    private void writeJson(LoadResult result) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("summary", result.summary());
        try {
            AtomicFiles.write(json, out -> mapper.writeValue(out, document));
        } catch (AccessDeniedException e) {
            throw new UserInputException("--json " + json + ": cannot write it (" + e.getMessage() + ")");
        }
    }

    private String heading(LoadSpec spec) {
        StringBuilder h = new StringBuilder("loupe load ").append(url).append('\n').append("  ");
        if (rate != null) {
            h.append(poisson ? "open model, Poisson arrivals at " : "open model, constant rate of ")
                    .append(Units.rate(rate)).append(" req/s, ");
        } else {
            h.append("closed model, ");
            if (!think.isZero()) {
                h.append("think time ").append(Durations.format(think)).append(", ");
            }
        }
        h.append(spec.connections()).append(spec.connections() == 1 ? " connection, " : " connections, ")
                .append(spec.threads()).append(spec.threads() == 1 ? " thread, " : " threads, ")
                .append(spec.keepAlive() ? "keep-alive, " : "a new connection per request, ")
                .append(Durations.format(spec.duration())).append(" measured");
        h.append(spec.warmup().isZero() ? " (no warm-up)" : " after " + Durations.format(spec.warmup()) + " of warm-up");
        return h.toString();
    }
}
