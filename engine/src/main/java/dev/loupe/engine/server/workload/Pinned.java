package dev.loupe.engine.server.workload;

import dev.loupe.engine.units.Durations;
import dev.loupe.engine.server.HttpRequest;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;

/**
 * {@code pinned[:DURATION]}: each request calls the C library's {@code qsort} on two numbers with a
 * comparator that is a Java upcall, and the comparator sleeps DURATION (once: two elements take one
 * comparison). A virtual thread blocked under a native frame cannot unmount, so it stays pinned to its
 * carrier for the whole sleep; JFR reports {@code jdk.VirtualThreadPinned} with {@code pinnedReason}
 * "Native or VM frame on stack" and a stack trace through {@link Handler#compare}. With one carrier
 * per core, a few such requests at once stall every other virtual thread. (Since JDK 24, JEP 491,
 * {@code synchronized} no longer pins; native frames still do.) On a platform thread the same call
 * simply blocks the thread.
 *
 * <p>Uses the foreign function API, so the JVM must allow native access: {@code
 * --enable-native-access=ALL-UNNAMED} (the {@code loupe} launcher and the test runner pass it). Without
 * it, making the handler fails with a message that says so.
 */
final class Pinned implements Workload {
    static final Duration DEFAULT = Duration.ofMillis(5);
    static final Duration MIN = Duration.ofNanos(1_000);
    static final Duration MAX = Duration.ofSeconds(10);
    static final String NATIVE_ACCESS_FLAG = "--enable-native-access=ALL-UNNAMED";

    @Override
    public String name() {
        return "pinned";
    }

    @Override
    public String parameter() {
        return "DURATION";
    }

    @Override
    public String defaultParameter() {
        return Durations.format(DEFAULT);
    }

    @Override
    public String description() {
        return "sleeps in a native qsort comparator upcall: a virtual thread stays pinned to its carrier"
                + " (jdk.VirtualThreadPinned)";
    }

    @Override
    public RequestHandler handler(String parameter) {
        Duration sleep = Parameters.duration("pinned sleep time", parameter, MIN, MAX);
        requireNativeAccess(Pinned.class.getModule());
        return new Handler(sleep);
    }

    /**
     * @throws IllegalArgumentException when {@code module} may not use restricted foreign methods,
     *     naming the flag that allows it
     */
    static void requireNativeAccess(Module module) {
        if (!module.isNativeAccessEnabled()) {
            throw new IllegalArgumentException("pinned calls C's qsort through the foreign function API, and"
                    + " native access is not enabled (expected: a JVM started with " + NATIVE_ACCESS_FLAG
                    + ", as ./loupe does)");
        }
    }

    /** The downcall to {@code qsort} and the comparator's shape; made on first use, once native access is checked. */
    private static final class Native {
        static final Linker LINKER = Linker.nativeLinker();
        /** {@code void qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *))}. */
        static final MethodHandle QSORT;
        static final FunctionDescriptor COMPARATOR = FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT),
                ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT));
        static final MethodHandle COMPARE;

        static {
            MemorySegment qsort = LINKER.defaultLookup().find("qsort").orElseThrow(
                    () -> new IllegalStateException("the C library has no qsort"));
            ValueLayout sizeT = (ValueLayout) LINKER.canonicalLayouts().get("size_t");
            QSORT = LINKER.downcallHandle(qsort, FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, sizeT, sizeT,
                    ValueLayout.ADDRESS)).asType(MethodType.methodType(void.class, MemorySegment.class,
                            long.class, long.class, MemorySegment.class));
            try {
                COMPARE = MethodHandles.lookup().findVirtual(Handler.class, "compare",
                        MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private Native() {}
    }

    static final class Handler implements RequestHandler {
        private final Duration sleep;
        private final HttpResponse response;
        /** The comparator's entry point for C, bound to this handler; freed when the handler is collected. */
        private final MemorySegment comparator;

        Handler(Duration sleep) {
            this.sleep = sleep;
            this.response = HttpResponse.text(200, "slept " + Durations.format(sleep)
                    + " in a native upcall\n");
            this.comparator = Native.LINKER.upcallStub(Native.COMPARE.bindTo(this), Native.COMPARATOR,
                    Arena.ofAuto());
        }

        @Override
        public HttpResponse handle(HttpRequest request) throws Exception {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment numbers = arena.allocate(ValueLayout.JAVA_INT, 2);
                numbers.setAtIndex(ValueLayout.JAVA_INT, 0, 2);
                numbers.setAtIndex(ValueLayout.JAVA_INT, 1, 1);
                Native.QSORT.invokeExact(numbers, 2L, ValueLayout.JAVA_INT.byteSize(), comparator);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("qsort failed", t);
            }
            if (Thread.interrupted()) { // the comparator could not throw; it left the flag for us
                throw new InterruptedException("interrupted while sleeping in a native upcall");
            }
            return response;
        }

        /**
         * The qsort comparator, called by C on the request's thread. It must not throw: an exception
         * that leaves an upcall ends the JVM. An interrupt (a server's forced stop) ends the sleep and
         * is passed on through the thread's interrupt flag.
         */
        @SuppressWarnings("unused") // called through the upcall stub
        private int compare(MemorySegment a, MemorySegment b) {
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable ignored) {
                // Nothing may escape an upcall; the comparison below still answers qsort.
            }
            return Integer.compare(a.get(ValueLayout.JAVA_INT, 0), b.get(ValueLayout.JAVA_INT, 0));
        }
    }
}
