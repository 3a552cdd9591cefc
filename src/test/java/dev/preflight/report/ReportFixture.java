package dev.preflight.report;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.dsl.Severity;
import dev.preflight.engine.ReportedFinding;
import dev.preflight.engine.Suppression;
import dev.preflight.graph.Kind;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import dev.preflight.source.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A hand-made report: two rules, findings in two files, one suppressed, and one unreadable file. */
final class ReportFixture {
    static final SourceFile MAIN = SourceFile.of("net/main.tf", """
            resource "aws_lb" "web" {
            \tsubnets = [aws_subnet.a.id]
              name    = "web,1:2"
            }
            """);
    static final SourceFile TEMPLATE = SourceFile.of("stack dir/app.yaml", """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
            """);

    static final RuleInfo ALB = new RuleInfo("alb-subnets-single-az", Severity.ERROR, "ALB in one AZ",
            "ValidationError: At least two subnets in two different Availability Zones must be specified",
            "Add a subnet in a second availability zone.", "load balancers should have subnets in 2 AZs",
            List.of(Kind.LOAD_BALANCER), "# alb-subnets-single-az\n\nAn ALB needs two AZs.");
    static final RuleInfo QUEUE = new RuleInfo("queue-name", Severity.WARNING, "Queue named", "", "Name it.",
            "", List.of(), "");

    static final Finding ALB_FINDING = new Finding(ALB.id(), Severity.ERROR,
            "load balancer aws_lb.web has subnets in 1 availability zone: 100% sure, \"a\"",
            new Span("net/main.tf", 2, 2, 2, 29), "aws_lb.web", "subnets", "[aws_subnet.a.id]", ALB.fixHint());
    static final Finding NAME_FINDING = new Finding(QUEUE.id(), Severity.WARNING, "bad name",
            new Span("net/main.tf", 3, 3, 3, 20), "aws_lb.web", "name", "web,1:2", null);
    static final Finding QUEUE_FINDING = new Finding(QUEUE.id(), Severity.WARNING, "queue has no name",
            new Span("stack dir/app.yaml", 2, 3, 2, 8), "Queue", "QueueName", null, QUEUE.fixHint());
    static final Suppression QUEUE_SUPPRESSION = new Suppression(QUEUE.id(), "named by the platform",
            new Span("stack dir/app.yaml", 1, 1, 1, 10), 2, 3, Suppression.Origin.COMMENT);
    static final Problem BROKEN = new Problem(new Span("broken.tf", 3, 7, 3, 8), "expected '}'");

    private ReportFixture() {
    }

    static Report report() {
        List<ReportedFinding> findings = List.of(
                new ReportedFinding(new Finding("parse-error", Severity.ERROR, BROKEN.message(), BROKEN.where(),
                        null, null, null, null), null, "fp0"),
                ReportedFinding.active(ALB_FINDING),
                ReportedFinding.active(NAME_FINDING),
                new ReportedFinding(QUEUE_FINDING, QUEUE_SUPPRESSION, "fp-queue"));
        RuleInfo parseError = new RuleInfo("parse-error", Severity.ERROR, "Input could not be parsed", "", "",
                "", List.of(), "");
        return new Report(new ToolInfo("preflight", "1.2.3", "https://example.invalid/preflight"),
                List.of(ALB, QUEUE, parseError), findings, List.of(BROKEN),
                Map.of(MAIN.displayPath(), MAIN, TEMPLATE.displayPath(), TEMPLATE), "", 0);
    }

    static String render(Reporter reporter, Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reporter.write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
