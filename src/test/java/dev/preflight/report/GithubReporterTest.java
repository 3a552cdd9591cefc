package dev.preflight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReporterTest {

    @Test
    void oneCommandPerActiveFindingWithEscaping() throws Exception {
        List<String> lines = ReportFixture.render(new GithubReporter(), ReportFixture.report()).lines().toList();
        assertEquals(3, lines.size()); // the suppressed finding is left out
        assertEquals("::error file=net/main.tf,line=2,col=2,endLine=2,endColumn=29,"
                + "title=preflight alb-subnets-single-az::load balancer aws_lb.web has subnets in 1 availability "
                + "zone: 100%25 sure, \"a\"%0AAdd a subnet in a second availability zone.", lines.get(1));
        assertEquals("::warning file=net/main.tf,line=3,col=3,endLine=3,endColumn=20,title=preflight queue-name::"
                + "bad name", lines.get(2));
    }

    @Test
    void propertiesEscapeCommasAndColons() {
        assertEquals("a%2Cb%3Ac%25d%0Ae", GithubReporter.property("a,b:c%d\ne"));
        assertEquals("a,b:c%25d%0D%0Ae", GithubReporter.data("a,b:c%d\r\ne"));
    }
}
