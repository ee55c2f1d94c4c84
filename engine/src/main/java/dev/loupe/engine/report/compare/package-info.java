/**
 * Baseline against candidate: {@code loupe compare BASE… -- CANDIDATE…}. {@link
 * dev.loupe.engine.report.compare.RunSamples} reads each side's run folders or {@code result.json}
 * files into {@link dev.loupe.engine.report.compare.RunSample}s (every number of {@code summary} and
 * {@code telemetry}, the measured seconds, the merged latency histogram when the folder has its
 * journal, the findings); {@link dev.loupe.engine.report.compare.Comparer} puts the sides next to
 * each other, tests each change (the seconds of one run with Mann-Whitney U, the runs of several with
 * Welch's t-test, both at p &lt; 0.01) and gives the verdict; {@link
 * dev.loupe.engine.report.compare.ComparisonMarkdown} and {@link
 * dev.loupe.engine.report.compare.ComparisonJson} write it. A regression is a significant throughput
 * drop or p99 rise beyond the allowed share.
 *
 * <p>The same package compares the runs of one file: {@link dev.loupe.engine.report.compare.GridComparison}
 * (a matrix's or sweep's runs, the best, a sweep's scaling against the ideal line) with {@link
 * dev.loupe.engine.report.compare.GridMarkdown} and {@link dev.loupe.engine.report.compare.GridJson}, and
 * {@link dev.loupe.engine.report.compare.SearchResult} (a search's steps and its answer) with {@link
 * dev.loupe.engine.report.compare.SearchMarkdown} and {@link dev.loupe.engine.report.compare.SearchJson};
 * their PDF and HTML are the report package's ({@code GridDocuments}, {@code SearchDocuments}).
 */
package dev.loupe.engine.report.compare;
