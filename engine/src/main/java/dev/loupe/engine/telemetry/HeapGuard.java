package dev.loupe.engine.telemetry;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Stops a run before the heap runs out: after each garbage collection it reads the heap left in use
 * (the JVM's own GC notifications, so it reacts within one collection, telemetry on or off) and trips
 * once that stays above the limit. A young collection leaves garbage in the old generation for a
 * later cycle, so one high reading is not enough: it trips on a full ("major") collection above the
 * limit, or on {@link #CONSECUTIVE} collections in a row above it. Trips at most once; the callback
 * runs on the JVM's notification thread and must be quick (it asks the run to stop).
 */
public final class HeapGuard implements AutoCloseable {
    /** Collections in a row above the limit that trip the guard. */
    static final int CONSECUTIVE = 3;
    /** The lowest limit, in percent of the max heap: below it, a healthy heap's floor would trip it. */
    public static final double MIN_LIMIT_PCT = 10;
    /** The highest limit: above it, the JVM runs out of memory before the guard can stop the run. */
    public static final double MAX_LIMIT_PCT = 99;
    /** The default limit. */
    public static final double DEFAULT_LIMIT_PCT = 85;

    private final double limitPct;
    private final long maxBytes;
    private final Consumer<Trip> onTrip;
    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::handle;
    private int above;
    private long collections;
    private volatile Trip trip;

    /**
     * What tripped the guard.
     *
     * @param afterGcMb heap in use after the collection that tripped it
     * @param maxMb the max heap
     * @param afterGcPct the share of the max heap
     * @param limitPct the limit it passed
     * @param collector the collection that tripped it, e.g. {@code G1 Young Generation}
     */
    public record Trip(double afterGcMb, double maxMb, double afterGcPct, double limitPct, String collector) {}

    private HeapGuard(double limitPct, long maxBytes, Consumer<Trip> onTrip) {
        this.limitPct = limitPct;
        this.maxBytes = maxBytes;
        this.onTrip = onTrip;
        List<String> pools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pools.add(pool.getName());
            }
        }
        this.heapPools = Set.copyOf(pools);
    }

    /** Watches every collection from now on; {@code onTrip} is told once if the heap after GC passes {@code limitPct}. */
    public static HeapGuard start(double limitPct, Consumer<Trip> onTrip) {
        HeapGuard guard = new HeapGuard(limitPct, Runtime.getRuntime().maxMemory(), onTrip);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(guard.listener, null, null);
                guard.emitters.add(emitter);
            }
        }
        return guard;
    }

    /** Collections it has read since it started. */
    public synchronized long collections() {
        return collections;
    }

    /** What tripped it, or null while it has not. */
    public Trip trip() {
        return trip;
    }

    private void handle(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        check(used, info.getGcAction().contains("major"), info.getGcName());
    }

    /** One collection's reading: {@code usedBytes} left after it; {@code major} for a full collection. */
    synchronized void check(long usedBytes, boolean major, String collector) {
        collections++;
        if (trip != null) {
            return;
        }
        double pct = usedBytes * 100.0 / maxBytes;
        above = pct >= limitPct ? above + 1 : 0;
        if (above >= CONSECUTIVE || (major && pct >= limitPct)) {
            double mb = 1024.0 * 1024.0;
            trip = new Trip(Bucket.round(usedBytes / mb), Bucket.round(maxBytes / mb), Bucket.round(pct), limitPct,
                    collector);
            onTrip.accept(trip);
        }
    }

    /** Stops watching. Idempotent. */
    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already removed
            }
        }
        emitters.clear();
    }

    /** For tests: a guard fed by hand through {@link #check}, watching nothing. */
    static HeapGuard detached(double limitPct, long maxBytes, Consumer<Trip> onTrip) {
        return new HeapGuard(limitPct, maxBytes, onTrip);
    }
}
