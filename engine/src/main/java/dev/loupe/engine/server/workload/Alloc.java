package dev.loupe.engine.server.workload;

import dev.loupe.engine.server.HttpResponse;
import dev.loupe.engine.server.RequestHandler;
import dev.loupe.engine.units.Numbers;

/**
 * {@code alloc[:SIZE]}: each request allocates SIZE of short-lived garbage, in byte arrays of at most
 * {@link #CHUNK_BYTES}: small enough never to be a G1 humongous object (half a region, 512 KiB at the
 * smallest), so the heap shows a clean young-generation sawtooth. Arrays this long are never
 * scalar-replaced by escape analysis, and each is written and read back, so the allocation stays.
 */
final class Alloc implements Workload {
    static final long DEFAULT_BYTES = 16 * 1024;
    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final int CHUNK_BYTES = 32 * 1024;

    @Override
    public String name() {
        return "alloc";
    }

    @Override
    public String parameter() {
        return "SIZE";
    }

    @Override
    public String defaultParameter() {
        return Numbers.exactSize(DEFAULT_BYTES);
    }

    @Override
    public String description() {
        return "that much short-lived garbage in arrays of at most 32 KiB: allocation rate, the"
                + " young-GC sawtooth";
    }

    @Override
    public RequestHandler handler(String parameter) {
        long bytes = Parameters.bytes("allocation size", parameter, 1, MAX_BYTES);
        HttpResponse response = HttpResponse.text(200, "allocated " + Numbers.exactSize(bytes) + "\n");
        return request -> {
            BusyWork.consume(allocate(bytes));
            return response;
        };
    }

    /** Allocates {@code bytes} in chunks, touching each; returns a value computed from their contents. */
    static long allocate(long bytes) {
        long mix = 0;
        for (long left = bytes; left > 0; left -= CHUNK_BYTES) {
            int length = (int) Math.min(left, CHUNK_BYTES);
            byte[] chunk = new byte[length];
            chunk[0] = (byte) left;
            chunk[length - 1] = (byte) mix;
            mix = mix * 31 + chunk[length >>> 1] + chunk[0];
        }
        return mix;
    }
}
