/**
 * Writing files so that nothing a user saved is ever lost or half-written: every report, result and
 * scenario file goes through {@link dev.loupe.engine.io.AtomicFiles}. Any package may call it.
 */
package dev.loupe.engine.io;
