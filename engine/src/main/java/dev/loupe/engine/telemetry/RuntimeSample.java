package dev.loupe.engine.telemetry;

/**
 * One 250 ms reading of the runtime.
 *
 * @param heapUsedBytes heap in use
 * @param heapCommittedBytes heap committed
 * @param platformThreads live platform threads
 * @param virtualThreadsMounted virtual threads mounted on carriers
 * @param serverConnectionsOpen the server's open connections
 * @param serverQueueLength work in the server's queue
 * @param fileDescriptors open descriptors, or -1 where the OS does not tell
 */
record RuntimeSample(long heapUsedBytes, long heapCommittedBytes, int platformThreads, int virtualThreadsMounted,
        int serverConnectionsOpen, int serverQueueLength, int fileDescriptors) {}
