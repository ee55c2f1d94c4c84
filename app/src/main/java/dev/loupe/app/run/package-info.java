/**
 * Start and Stop: {@link dev.loupe.app.run.RunViewModel} runs the scenario the panel resolved through
 * the engine's {@link dev.loupe.engine.session.RunSession} in this JVM, writing the same run folder as
 * {@code loupe run}, and shows its state, its progress and its findings. The session's events arrive
 * on the engine's threads and are handed to the FX thread through the executor the view-model is
 * given (a same-thread one in tests).
 */
package dev.loupe.app.run;
