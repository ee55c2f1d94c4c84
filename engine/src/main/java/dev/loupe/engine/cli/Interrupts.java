package dev.loupe.engine.cli;

/** Registers what to do on Ctrl+C; the returned handle unregisters it. Tests inject their own. */
@FunctionalInterface
interface Interrupts {
    AutoCloseable onInterrupt(Runnable action);

    /**
     * Ctrl+C through a JVM shutdown hook: the JVM exits with 130 once the hook (which waits for the
     * command's summary) is done.
     */
    Interrupts JVM_SHUTDOWN = action -> {
        Thread hook = new Thread(action, "loupe-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running (Ctrl+C): it waits for our summary
            }
        };
    };
}
