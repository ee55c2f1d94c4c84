package dev.loupe.engine.server.workload;

import dev.loupe.engine.server.HttpRequest;
import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.units.Numbers;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code leak[:SIZE]}: each request keeps SIZE of memory forever (a copy of the start of its body,
 * padded), as a cache without eviction would: the heap after each GC climbs steadily instead of
 * returning to the same floor. Bounded so the run survives it: the handler retains at most a quarter
 * of {@link Runtime#maxMemory()} (the design's memory rule); past that it keeps nothing more and counts
 * what it dropped. Retained memory is counted as the arrays' bytes plus an estimated {@link
 * #OVERHEAD_BYTES} per array (its header and its list node), so the cap holds for small sizes too.
 * Arrays are at most {@link Alloc#CHUNK_BYTES}, never G1 humongous objects. The memory is released
 * only when the handler itself becomes unreachable (a new handler per server start).
 */
final class Leak implements Workload {
    static final long DEFAULT_BYTES = 1024;
    static final long MAX_BYTES = 1024 * 1024;
    /** Per retained array: a 16-byte array header and a 24-byte queue node (compressed pointers). */
    static final long OVERHEAD_BYTES = 40;

    @Override
    public String name() {
        return "leak";
    }

    @Override
    public String parameter() {
        return "SIZE per request";
    }

    @Override
    public String defaultParameter() {
        return Numbers.exactSize(DEFAULT_BYTES);
    }

    @Override
    public String description() {
        return "keeps that much of each request forever, at most a quarter of the max heap: the heap"
                + " floor after GC climbs";
    }

    @Override
    public RequestHandler handler(String parameter) {
        long bytes = Parameters.bytes("retained size", parameter, 1, MAX_BYTES);
        return new Handler(bytes, Runtime.getRuntime().maxMemory() / 4);
    }

    static final class Handler implements RequestHandler, WorkloadStats {
        private final long bytesPerRequest;
        private final long costPerRequest;
        private final long capBytes;
        private final HttpResponse kept;
        private final HttpResponse dropped;
        private final ConcurrentLinkedQueue<byte[]> retained = new ConcurrentLinkedQueue<>();
        private final AtomicLong retainedBytes = new AtomicLong();
        private final LongAdder droppedBytes = new LongAdder();

        Handler(long bytesPerRequest, long capBytes) {
            this.bytesPerRequest = bytesPerRequest;
            long arrays = (bytesPerRequest + Alloc.CHUNK_BYTES - 1) / Alloc.CHUNK_BYTES;
            this.costPerRequest = bytesPerRequest + arrays * OVERHEAD_BYTES;
            this.capBytes = capBytes;
            String size = Numbers.exactSize(bytesPerRequest);
            this.kept = HttpResponse.text(200, "kept " + size + "\n");
            this.dropped = HttpResponse.text(200, "kept nothing: the leak reached its cap of "
                    + Numbers.exactSize(capBytes) + "\n");
        }

        @Override
        public HttpResponse handle(HttpRequest request) {
            if (!reserve()) {
                droppedBytes.add(costPerRequest);
                return dropped;
            }
            ByteBuffer body = request.body();
            for (long left = bytesPerRequest; left > 0; left -= Alloc.CHUNK_BYTES) {
                byte[] chunk = new byte[(int) Math.min(left, Alloc.CHUNK_BYTES)];
                body.get(chunk, 0, Math.min(body.remaining(), chunk.length));
                retained.add(chunk);
            }
            return kept;
        }

        /** Takes this request's share of the budget, or returns false when it would pass the cap. */
        private boolean reserve() {
            long before;
            do {
                before = retainedBytes.get();
                if (before + costPerRequest > capBytes) {
                    return false;
                }
            } while (!retainedBytes.compareAndSet(before, before + costPerRequest));
            return true;
        }

        /** What the handler holds now: array bytes plus their estimated overhead; never above {@link #capBytes()}. */
        long retainedBytes() {
            return retainedBytes.get();
        }

        /** A quarter of the max heap, unless a test set another cap. */
        long capBytes() {
            return capBytes;
        }

        /** What requests after the cap would have retained. */
        long droppedBytes() {
            return droppedBytes.sum();
        }

        @Override
        public Map<String, Long> stats() {
            return new Stats().put("retainedBytes", retainedBytes()).put("retainedCapBytes", capBytes)
                    .put("droppedBytes", droppedBytes()).map();
        }
    }
}
