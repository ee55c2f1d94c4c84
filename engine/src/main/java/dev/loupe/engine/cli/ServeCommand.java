package dev.loupe.engine.cli;

import dev.loupe.engine.server.RunningServer;
import dev.loupe.engine.server.ServerConfig;
import dev.loupe.engine.server.ServerVariant;
import dev.loupe.engine.server.ServerVariants;
import dev.loupe.engine.server.workload.ConfiguredWorkload;
import dev.loupe.engine.server.workload.Workload;
import dev.loupe.engine.server.workload.Workloads;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code loupe serve VARIANT}: runs one server variant in the foreground until interrupted. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Runs one server variant until Ctrl+C, then stops it gracefully.",
        description = {
            "",
            "On Ctrl+C the server stops accepting, lets requests in flight finish (by default",
            "within 5s, then they are cut off) and exits.",
            "",
            "Use it to try a variant by hand (curl, a browser) or to aim a load tool at it",
            "from a second terminal. It binds to loopback unless --bind names another address."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./loupe serve virtual-threads",
            "  ./loupe serve virtual-threads --port 0 --workload hello",
            "  ./loupe serve fixed-pool --threads 2 --option queueCapacity=10",
            "  ./loupe serve jdk-httpserver --option executor=virtual",
            "  ./loupe variants      lists every variant, tunable and workload",
            "",
            "Exit codes: 130 after Ctrl+C (the server stopped gracefully); 2 for bad input",
            "(unknown variant or workload, port in use); 1 for an internal error."
        })
final class ServeCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 8080;

    @Parameters(index = "0", paramLabel = "VARIANT", completionCandidates = VariantNames.class,
            description = "The server variant to run, one of: ${COMPLETION-CANDIDATES}.")
    String variantName;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + DEFAULT_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only). "
                    + "Name another address only on a network you trust.")
    String bind;

    @Option(names = "--workload", paramLabel = "SPEC", defaultValue = Workloads.DEFAULT_SPEC,
            completionCandidates = WorkloadNames.class,
            description = "What each request does: name[:parameter] (default: ${DEFAULT-VALUE}). "
                    + "Workloads: ${COMPLETION-CANDIDATES}.")
    String workload;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Pool size, loop count or standby count, depending on the variant; "
                    + "0 = the variant's default (default: ${DEFAULT-VALUE}). See: loupe variants.")
    int threads;

    @Option(names = "--max-threads", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_MAX_THREADS,
            description = "Connections served at once by thread-per-connection and accept-pool (one thread "
                    + "each); beyond it a connection gets 503 (default: ${DEFAULT-VALUE}).")
    int maxThreads;

    @Option(names = {"-o", "--option"}, paramLabel = "NAME=VALUE",
            description = "A variant's own option, repeatable, e.g. executor=virtual for jdk-httpserver or "
                    + "queueCapacity=0 for fixed-pool. See: loupe variants.")
    Map<String, String> options = new LinkedHashMap<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    private final Lifetime lifetime;

    ServeCommand() {
        this(Lifetime.UNTIL_INTERRUPTED);
    }

    ServeCommand(Lifetime lifetime) {
        this.lifetime = lifetime;
    }

    /** How long the server runs and what ends it; tests replace the Ctrl+C wait. */
    @FunctionalInterface
    interface Lifetime {
        /**
         * Blocks while the server should run, then runs {@code stop} exactly once.
         *
         * @return the exit code
         */
        int run(RunningServer server, Runnable stop) throws InterruptedException;

        /** Until Ctrl+C (SIGINT) or SIGTERM: a shutdown hook stops the server before the JVM exits. */
        Lifetime UNTIL_INTERRUPTED = (server, stop) -> {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("loupe-serve-stop").unstarted(() -> {
                stop.run();
                stopped.countDown();
            }));
            stopped.await(); // returns only while the JVM shuts down; its exit status is then 130 for SIGINT
            return ExitCodes.INTERRUPTED;
        };
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerVariant variant = variant();
        ConfiguredWorkload spec = workloadSpec();
        ServerConfig config = config(spec);
        RunningServer server = start(variant, config);
        PrintWriter out = command.commandLine().getOut();
        out.println(variant.name() + " serving " + spec.text() + " on " + server.url() + " (Ctrl+C to stop)");
        out.flush();
        return lifetime.run(server, () -> {
            server.close();
            out.println(variant.name() + " stopped");
            out.flush();
        });
    }

    private ServerVariant variant() {
        try {
            return ServerVariants.byName(variantName);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("VARIANT: " + e.getMessage() + "; see: loupe variants");
        }
    }

    private ConfiguredWorkload workloadSpec() {
        try {
            return Workloads.parse(workload, "--workload");
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage() + "; see: loupe variants");
        }
    }

    private ServerConfig config(ConfiguredWorkload spec) {
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port: " + port + " (expected: 0..65535, 0 = any free port)");
        }
        if (threads < 0 || threads > ServerConfig.MAX_THREADS) {
            throw new UserInputException("--threads: " + threads + " (expected: 0.." + ServerConfig.MAX_THREADS
                    + ", 0 = the variant's default)");
        }
        if (maxThreads < 1 || maxThreads > ServerConfig.MAX_THREAD_CAP) {
            throw new UserInputException("--max-threads: " + maxThreads + " (expected: 1.." + ServerConfig.MAX_THREAD_CAP + ")");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UserInputException("--bind: '" + bind + "' is not an address or a known host name"
                    + " (expected: e.g. 127.0.0.1 or ::1)");
        }
        try {
            ServerConfig config = ServerConfig.of(spec.newHandler()).withBindAddress(address).withPort(port)
                    .withThreads(threads).withMaxThreads(maxThreads);
            for (Map.Entry<String, String> option : options.entrySet()) {
                config = config.withOption(option.getKey(), option.getValue());
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private RunningServer start(ServerVariant variant, ServerConfig config) {
        String where = config.bindAddress().getHostAddress() + ":" + config.port();
        try {
            return variant.start(config);
        } catch (BindException e) {
            String why = String.valueOf(e.getMessage());
            if (why.toLowerCase(Locale.ROOT).contains("in use")) {
                throw new UserInputException("--port: " + config.port() + " is already in use on "
                        + config.bindAddress().getHostAddress()
                        + " (expected: a free port; stop the other server, pick another port, or --port 0 for any free one)");
            }
            throw new UserInputException("--bind/--port: cannot listen on " + where + ": " + why
                    + " (expected: an address of this machine and a port you may use, e.g. above 1023)");
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot listen on " + where + ": " + e.getMessage());
        }
    }

    /** The variant names, for help text and shell completion. */
    static final class VariantNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ServerVariants.all().stream().map(ServerVariant::name).iterator();
        }
    }

    /** The workload names, for help text and shell completion. */
    static final class WorkloadNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Workloads.all().stream().map(Workload::name).iterator();
        }
    }
}
