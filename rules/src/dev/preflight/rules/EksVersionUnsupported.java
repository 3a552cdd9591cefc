package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.ScanClock;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.EksVersions;
import dev.preflight.dsl.aws.EksVersions.Support;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Value;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An EKS cluster pinned to a Kubernetes version past the end of extended support, or older than every version of
 * the release calendar: EKS refuses to create a cluster on it, whatever its support policy. Its own rule, apart from
 * the extended-support bill, because the outcome differs in kind: a failed apply (an error) rather than a cost (a
 * warning), and a user gates on the one and may accept the other.
 */
@AutoService(Rule.class)
public final class EksVersionUnsupported extends DslRule {
    public static final String ID = "eks-version-unsupported";

    /** The rule as the scanner runs it: today is the scan date ({@link ScanClock}). */
    public EksVersionUnsupported() {
        this(ScanClock.clock());
    }

    /** The rule judged at the date of {@code clock} (tests fix it). */
    public EksVersionUnsupported(Clock clock) {
        super(define(clock, EksVersions.bundled()));
    }

    static RuleDefinition define(Clock clock, EksVersions table) {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("EKS cluster on a Kubernetes version past the end of extended support")
                .prevents("InvalidParameterException: unsupported Kubernetes version")
                .check(resources(Kind.EKS_CLUSTER)
                        .should(runAVersionEksStillSupports(clock, table))
                        .because("EKS creates no cluster on a version whose extended support has ended"))
                .fix("Set version to a Kubernetes version EKS supports today (see the EKS release calendar); an "
                        + "existing cluster was already upgraded by EKS, so pin the version it runs now.")
                .doc(doc(table));
    }

    static ResourceCondition runAVersionEksStillSupports(Clock clock, EksVersions table) {
        return ResourceCondition.of("run a Kubernetes version EKS still supports", (cluster, graph, events) -> {
            Optional<Value> version = cluster.property("version");
            Optional<String> written = version.flatMap(v -> Values.resolvedString(v, graph)).map(String::trim);
            if (written.isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.now(clock);
            Optional<String> why = endedSupport(written.get(), today, table);
            if (why.isPresent()) {
                events.violated(cluster, cluster.address() + " runs Kubernetes " + written.get() + ", " + why.get()
                                + ": EKS refuses to create a cluster on it (EKS release calendar of "
                                + table.tableDate() + ")",
                        version.get().span(), "version", written.get());
            }
        });
    }

    /** Why {@code version} is no longer supported on {@code today}, when the table shows it is not. */
    private static Optional<String> endedSupport(String version, LocalDate today, EksVersions table) {
        Optional<Support> row = table.of(version);
        if (row.isPresent()) {
            return today.isBefore(row.get().endOfExtended()) ? Optional.empty()
                    : Optional.of("whose extended support ended on " + row.get().endOfExtended());
        }
        Support oldest = table.oldest();
        if (table.precedesTable(version) && !today.isBefore(oldest.endOfExtended())) {
            return Optional.of("older than the oldest version of the calendar (" + oldest.version()
                    + ", whose extended support ended on " + oldest.endOfExtended() + ")");
        }
        return Optional.empty();
    }

    private static String doc(EksVersions table) {
        return """
                # eks-version-unsupported

                An EKS cluster (`aws_eks_cluster`, `AWS::EKS::Cluster`) whose `version` / `Version` is a Kubernetes
                version that EKS no longer supports on the day of the scan:

                - a version of the EKS release calendar whose end of extended support has passed, or
                - a version older than the first row of the calendar (`1.18`, `1.21`...): versions are released in
                  order, so it left extended support no later than that row did, and that date has passed.

                The support policy (`upgrade_policy { support_type }`, `UpgradePolicy.SupportType`) does not matter
                here: neither policy keeps a version past its end of extended support.

                The calendar is the table in `src/main/resources/dev/preflight/rules/eks-kubernetes-versions.properties`,
                dated {date}, from {source}. Versions newer than the table, versions not written as `major.minor`, and
                versions not known before apply are not judged.

                ## What AWS says

                ```
                InvalidParameterException: unsupported Kubernetes version
                ```

                (Recent SDKs append the version: `unsupported Kubernetes version 1.24`.)

                ## Why it matters

                At the end of extended support EKS upgrades existing control planes to the oldest version it still
                supports, and `CreateCluster` refuses the old version: a configuration pinned to it fails to create
                any new environment (a new region, a disaster-recovery copy, a test stack), and on an existing cluster,
                which EKS has upgraded, the next apply plans a change back to a version EKS no longer offers. Versions still in extended
                support are reported by `eks-extended-support-version` (a warning about their cost): this rule is an
                error because the apply fails.

                ## Bad

                ```hcl
                resource "aws_eks_cluster" "main" {
                  name     = "main"
                  role_arn = aws_iam_role.cluster.arn
                  version  = "1.18"
                  vpc_config {
                    subnet_ids = aws_subnet.private[*].id
                  }
                }
                ```

                ```yaml
                Cluster:
                  Type: AWS::EKS::Cluster
                  Properties:
                    Version: "1.23"
                    RoleArn: !GetAtt ClusterRole.Arn
                    ResourcesVpcConfig:
                      SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
                ```

                ## Good

                A version in the calendar's standard support window:

                ```hcl
                resource "aws_eks_cluster" "main" {
                  # ...
                  version = "1.34"
                }
                ```

                ```yaml
                Cluster:
                  Type: AWS::EKS::Cluster
                  Properties:
                    Version: "1.34"
                ```

                ## Sources

                - The EKS release calendar and what happens at the end of extended support:
                  https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
                - The error, as `CreateCluster` returns it (reported in terraform-provider-aws issue #21410 and others):
                  `InvalidParameterException: unsupported Kubernetes version`.

                """.replace("{date}", table.tableDate().toString()).replace("{source}", table.source())
                + RuleDocs.suppression(ID);
    }
}
