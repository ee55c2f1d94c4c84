package dev.loupe.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.engine.run.RunOutcome;
import dev.loupe.engine.run.RunResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlTest {
    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static RunResult completedWithoutThresholds() {
        RunResult r = SeededRun.closedInterrupted();
        return new RunResult(r.scenario(), r.environment(), r.startedAt(), RunOutcome.COMPLETED, r.serverUrl(), r.summary(),
                r.intervals(), r.latency(), r.uncorrectedLatency(), r.findings());
    }

    @Test
    void oneTestcasePerThresholdWithFailuresForTheFailedOnes() throws Exception {
        Document xml = parse(JUnitXml.render(RunReport.of(SeededRun.open(), SeededRun.extraThresholds())));
        Element suite = xml.getDocumentElement();

        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("loupe: checkout & cart");
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(5);
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("checkout & cart");
        assertThat(first.getAttribute("name")).isEqualTo("summary.latencyMs.p99 < 50");
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("actual 56.787, limit 50");
        assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isZero();
        assertThat(((Element) cases.item(3)).getElementsByTagName("failure").item(0).getAttributes()
                .getNamedItem("message").getNodeValue()).isEqualTo("actual none, limit 0");
    }

    @Test
    void aRunWithoutThresholdsIsOnePassingTestcase() throws Exception {
        Document xml = parse(JUnitXml.render(RunReport.of(completedWithoutThresholds())));
        Element suite = xml.getDocumentElement();

        assertThat(suite.getAttribute("tests")).isEqualTo("1");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        Element only = (Element) suite.getElementsByTagName("testcase").item(0);
        assertThat(only.getAttribute("name")).isEqualTo("run completed");
        assertThat(only.getChildNodes().getLength()).isZero();
    }

    @Test
    void anInterruptedRunFailsItsRunCompletedTestcase() throws Exception {
        Document xml = parse(JUnitXml.render(RunReport.of(SeededRun.closedInterrupted())));
        Element only = (Element) xml.getDocumentElement().getElementsByTagName("testcase").item(0);

        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(((Element) only.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("interrupted: the result covers only the part that ran");
    }

    @Test
    void escapesMarkupQuotesLineBreaksAndCharactersXmlCannotHold() throws Exception {
        String nasty = "a<b>&\"c\" 'd'\nnext\ttab\u0001\u0000\ud800 ok \ud83d\ude00";

        String escaped = JUnitXml.escape(nasty);
        Document xml = parse("<x a=\"" + escaped + "\">" + escaped + "</x>");

        assertThat(escaped).isEqualTo("a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;&#10;next&#9;tab\ufffd\ufffd\ufffd ok \ud83d\ude00");
        assertThat(xml.getDocumentElement().getAttribute("a")).isEqualTo("a<b>&\"c\" 'd'\nnext\ttab\ufffd\ufffd\ufffd ok \ud83d\ude00");
        assertThat(xml.getDocumentElement().getTextContent()).isEqualTo(xml.getDocumentElement().getAttribute("a"));
    }
}
