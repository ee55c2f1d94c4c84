/**
 * The vocabulary of how a server runs requests: the {@link
 * dev.loupe.engine.concurrency.ConcurrencyModel} that each server variant declares and that the
 * findings' advice and the dashboard read. It sits below the server and the analysis so that neither
 * has to know the other; it depends on nothing.
 */
package dev.loupe.engine.concurrency;
