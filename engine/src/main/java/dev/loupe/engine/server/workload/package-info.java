/**
 * The workloads a server's handler can run ({@code hello} now; {@code sleep}, {@code cpu}, {@code
 * alloc}, {@code queue}, {@code fail} … later), each a small {@link
 * dev.loupe.engine.server.workload.Workload}, and the SPEC parser {@link
 * dev.loupe.engine.server.workload.Workloads#parse}. Called by the command line, the scenario
 * resolver and the run orchestration; it depends only on the server API package.
 */
package dev.loupe.engine.server.workload;
