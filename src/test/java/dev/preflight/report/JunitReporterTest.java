package dev.preflight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReporterTest {

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneCasePerRuleAndFileFailingWithTheFindings() throws Exception {
        Document doc = parse(ReportFixture.render(new JunitReporter(), ReportFixture.report()));
        // 3 rules x 3 files (two read, one unreadable)
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(9, cases.getLength());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("9", root.getAttribute("tests"));
        // alb in main.tf, queue-name in main.tf (the queue finding is suppressed), parse error in broken.tf
        assertEquals(3, Integer.parseInt(root.getAttribute("failures")));
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(2, failures.getLength());
        Element alb = (Element) failures.item(0);
        assertEquals("alb-subnets-single-az", alb.getAttribute("type"));
        assertTrue(alb.getTextContent().contains("net/main.tf:2:2: error:"));
        assertEquals("net/main.tf", ((Element) alb.getParentNode()).getAttribute("name"));
        assertEquals(1, doc.getElementsByTagName("error").getLength());
        assertEquals(3, doc.getElementsByTagName("testsuite").getLength());
    }
}
