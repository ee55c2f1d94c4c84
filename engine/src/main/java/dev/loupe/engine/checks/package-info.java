/**
 * Argument checks for configuration records. Every failure names the field, the value and the rule,
 * e.g. {@code server.port: 70000 (expected: 0..65535)}, and every check returns the value so records
 * can check inline in their compact constructors. Any engine package may call it.
 */
package dev.loupe.engine.checks;
