/**
 * The run folder's files, each a pure function of a finished {@link dev.loupe.engine.run.RunResult}
 * (which describes itself: resolved scenario, environment, summary with units, intervals, findings).
 *
 * <p>How the run layer uses it, in order:
 * <ol>
 *   <li>while the run goes: {@link dev.loupe.engine.report.JournalWriter} appends one line per
 *       second to {@code journal.jsonl} and {@link dev.loupe.engine.report.LatencyLog} one histogram
 *       per second to {@code latency.hlog}; both are flushed each second so a crashed run keeps what
 *       it measured. These two stream to their final file; every other file is written whole through
 *       {@link dev.loupe.engine.io.AtomicFiles} (a crash leaves the old file or the new one, never half);</li>
 *   <li>at the end: {@link dev.loupe.engine.report.RunReport#of} judges the scenario's thresholds
 *       (plus any given on the command line) against the {@code result.json} document;
 *       {@link dev.loupe.engine.report.RunReport#passed()} decides exit code 99;</li>
 *   <li>{@link dev.loupe.engine.report.ReportFormat#writeAll} writes {@code result.json},
 *       {@code SUMMARY.md} and {@code intervals.csv}; {@link dev.loupe.engine.report.ReportFormat#junitXml()}
 *       writes the {@code --junit} file;</li>
 *   <li>the documents ({@link dev.loupe.engine.report.Documents}): {@link dev.loupe.engine.report.FlameGraphs}
 *       reads {@code recording.jfr} (or the journal's stacks) into the flame graphs (async-profiler's
 *       converter builds them), then
 *       {@link dev.loupe.engine.report.ReportContent} says what the reports hold, once, and
 *       {@link dev.loupe.engine.report.PdfReport} ({@link dev.loupe.engine.report.PdfPages}, PDFBox) and
 *       {@link dev.loupe.engine.report.HtmlReport} ({@link dev.loupe.engine.report.HtmlPages}, inline
 *       SVG) lay it out. A document that fails is logged and never costs the other files.</li>
 * </ol>
 * {@link dev.loupe.engine.report.JournalReader} reads a journal back (also after a crash) and
 * {@link dev.loupe.engine.report.RunRebuild} turns it into a result again and writes steps 2 to 4 for
 * {@code loupe report DIR}: a finished run's end line makes its rebuild the same {@code result.json};
 * a crashed run's is added up from its seconds and last checkpoint and marked partial.
 *
 * <p>Every number is formatted with {@link java.util.Locale#ROOT} and every time in UTC: output
 * never depends on the machine's locale or time zone. Golden files in the tests pin each format.
 *
 * <p>Callers: the session (which writes a run's folder), the CLI and the dashboard. This package reads
 * {@code run}, {@code measure}, {@code scenario} and {@code analysis} records and never starts
 * servers or load.
 */
package dev.loupe.engine.report;
