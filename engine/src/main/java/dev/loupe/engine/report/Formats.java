package dev.loupe.engine.report;

import java.nio.file.Path;

/** The formats, each a named pair of file name and rendering function. */
final class Formats {
    static final ReportFormat RESULT_JSON = of(ResultJson.FILE_NAME, ResultJson::toJson);
    static final ReportFormat SUMMARY_MARKDOWN = of(SummaryMarkdown.FILE_NAME, (r, folder) -> SummaryMarkdown.render(r));
    static final ReportFormat INTERVALS_CSV = of(IntervalsCsv.FILE_NAME, (r, folder) -> IntervalsCsv.render(r));
    static final ReportFormat JUNIT_XML = of(JUnitXml.FILE_NAME, (r, folder) -> JUnitXml.render(r));

    private Formats() {}

    private interface Renderer {
        String render(RunReport report, Path folder);
    }

    private static ReportFormat of(String fileName, Renderer renderer) {
        return new ReportFormat() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public String render(RunReport report, Path folder) {
                return renderer.render(report, folder);
            }

            @Override
            public String toString() {
                return fileName;
            }
        };
    }
}
