package dev.preflight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Severity;
import dev.preflight.engine.ReportedFinding;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import dev.preflight.testing.SarifSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How every format shows a finding's evidence: related resources, a value's path, and the cap of short formats. */
class EvidenceReportTest {
    static final SourceFile NETWORK = SourceFile.of("net/network.tf", """
            resource "aws_subnet" "a" {
              availability_zone = var.azs[0]
            }
            resource "aws_subnet" "b" {
              availability_zone = var.azs[0]
            }
            resource "aws_lb" "web" {
              subnets = [aws_subnet.a.id, aws_subnet.b.id]
            }
            """);
    static final SourceFile TFVARS = SourceFile.of("net/terraform.tfvars", """
            region = "eu-west-1"
            azs = ["eu-west-1a"]
            """);
    static final List<Evidence> EVIDENCE = List.of(
            Evidence.resource(new Span("net/network.tf", 2, 23, 2, 33), "aws_subnet.a is in eu-west-1a"),
            Evidence.resource(new Span("net/network.tf", 5, 23, 5, 33), "aws_subnet.b is in eu-west-1a"),
            Evidence.valueSource(new Span("net/terraform.tfvars", 2, 7, 2, 21), "var.azs = [\"eu-west-1a\"]"),
            new Evidence(new Span("modules/lb/main.tf", 1, 1, 3, 2), "aws_lb.this is written here",
                    Evidence.Role.DEFINITION));
    static final Finding FINDING = new Finding("alb-subnets-single-az", Severity.ERROR,
            "aws_lb.web has 2 subnets (aws_subnet.a, aws_subnet.b) but all in availability zone eu-west-1a",
            new Span("net/network.tf", 8, 13, 8, 47), "aws_lb.web", "subnets", "[a, b]",
            "Give the load balancer a subnet in a second availability zone.", EVIDENCE);

    static Report report() {
        return new Report(new ToolInfo("preflight", "1.2.3", "https://example.invalid/preflight"),
                List.of(ReportFixture.ALB), List.of(new ReportedFinding(FINDING, null, "fp1")), List.of(),
                Map.of(NETWORK.displayPath(), NETWORK, TFVARS.displayPath(), TFVARS), "", 0);
    }

    @Test
    void textShowsThreeNotesTheFirstUnderlinedThenHowManyMore() throws Exception {
        String text = ReportFixture.render(new TextReporter(false), report());
        assertTrue(text.contains("\n"
                + "   = note: net/network.tf:2:23: aws_subnet.a is in eu-west-1a\n"
                + "    2 |   availability_zone = var.azs[0]\n"
                + "      |                       ^^^^^^^^^^\n"
                + "   = note: net/network.tf:5:23: aws_subnet.b is in eu-west-1a\n"
                + "   = value: net/terraform.tfvars:2:7: var.azs = [\"eu-west-1a\"]\n"
                + "   = note: and 1 more (all of them in --format json, sarif or markdown)\n"
                + "   = fix: Give the load balancer a subnet in a second availability zone.\n"), text);
        // the finding and its summary line: a pre-commit run grows by six lines for four pieces of evidence
        assertEquals(3 + 6 + 1 + 1, text.lines().count(), text);
    }

    @Test
    void jsonHasTheRelatedArrayWithRoles() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportFixture.render(new JsonReporter(), report()));
        JsonNode related = json.at("/findings/0/related");
        assertEquals(4, related.size());
        assertEquals("net/terraform.tfvars", related.get(2).get("file").asText());
        assertEquals(2, related.get(2).get("line").asInt());
        assertEquals(7, related.get(2).get("column").asInt());
        assertEquals(2, related.get(2).get("endLine").asInt());
        assertEquals(21, related.get(2).get("endColumn").asInt());
        assertEquals("value-source", related.get(2).get("role").asText());
        assertEquals("related-resource", related.get(0).get("role").asText());
        assertEquals("definition", related.get(3).get("role").asText());
        assertEquals("aws_subnet.a is in eu-west-1a", related.get(0).get("message").asText());
    }

    @Test
    void sarifLinksRelatedLocationsFromTheMessageAndThreadsTheValuesPath() throws Exception {
        byte[] sarif = ReportFixture.render(new SarifReporter(), report()).getBytes(StandardCharsets.UTF_8);
        JsonNode result = SarifSchema.assertValid(sarif).at("/runs/0/results/0");
        String message = result.at("/message/text").asText();
        assertTrue(message.startsWith("aws_lb.web has 2 subnets (aws_subnet.a, aws_subnet.b) but all in availability "
                + "zone eu-west-1a See [aws_subnet.a is in eu-west-1a](1), [aws_subnet.b is in eu-west-1a](2), "
                + "[var.azs = \\[\"eu-west-1a\"\\]](3), [aws_lb.this is written here](4)."), message);
        JsonNode related = result.get("relatedLocations");
        assertEquals(4, related.size());
        assertEquals(3, related.get(2).get("id").asInt());
        assertEquals("net/terraform.tfvars", related.get(2).at("/physicalLocation/artifactLocation/uri").asText());
        assertEquals(7, related.get(2).at("/physicalLocation/region/startColumn").asInt());
        JsonNode flow = result.at("/codeFlows/0/threadFlows/0/locations");
        assertEquals(2, flow.size(), "from the tfvars value to its use");
        assertEquals("net/terraform.tfvars", flow.get(0).at("/location/physicalLocation/artifactLocation/uri")
                .asText());
        assertEquals(8, flow.get(1).at("/location/physicalLocation/region/startLine").asInt());
    }

    @Test
    void sarifWithoutEvidenceHasNeitherRelatedLocationsNorFlows() throws Exception {
        JsonNode sarif = SarifSchema.assertValid(ReportFixture.render(new SarifReporter(), ReportFixture.report())
                .getBytes(StandardCharsets.UTF_8));
        for (JsonNode r : sarif.at("/runs/0/results")) {
            assertFalse(r.has("relatedLocations") || r.has("codeFlows"), r.toString());
        }
    }

    @Test
    void githubAnnotationCarriesTheNotes() throws Exception {
        String out = ReportFixture.render(new GithubReporter(), report());
        assertTrue(out.contains("all in availability zone eu-west-1a%0Anote: net/network.tf:2:23: aws_subnet.a is in "
                + "eu-west-1a%0Anote: net/network.tf:5:23:"), out);
        assertTrue(out.contains("%0Anote: and 1 more"), out);
    }

    @Test
    void markdownListsEveryPieceOfEvidenceWithLinks() throws Exception {
        String md = ReportFixture.render(new MarkdownReporter("https://example.invalid/blob/abc/",
                Map.of("net", "flowchart LR\n  n1[\"aws_lb.web\"]\n")), report());
        assertTrue(md.contains("- value: [net/terraform.tfvars:2](https://example.invalid/blob/abc/net/terraform.tfvars#L2)"
                + " var.azs = \\[\"eu-west-1a\"\\]"), md);
        assertTrue(md.contains("- defined: [modules/lb/main.tf:1]"), md);
        assertTrue(md.contains("| ❌ error | 1 |"), md);
        assertTrue(md.contains("```mermaid\nflowchart LR\n  n1[\"aws_lb.web\"]\n```"), md);
    }
}
