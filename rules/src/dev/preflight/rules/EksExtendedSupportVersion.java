package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.ResourcePredicate;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.ScanClock;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.EksVersions;
import dev.preflight.dsl.aws.EksVersions.Support;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Value;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An EKS cluster pinned to a Kubernetes version that is out of standard support: AWS bills it at the extended-support
 * rate, six times the standard one, until it is upgraded. The calendar is a dated data file; today comes from a
 * clock that tests fix.
 */
@AutoService(Rule.class)
public final class EksExtendedSupportVersion extends DslRule {
    public static final String ID = "eks-extended-support-version";

    /** The rule as the scanner runs it: today is the scan date ({@link ScanClock}). */
    public EksExtendedSupportVersion() {
        this(ScanClock.clock());
    }

    /** The rule judged at the date of {@code clock} (tests fix it). */
    public EksExtendedSupportVersion(Clock clock) {
        super(define(clock, EksVersions.bundled()));
    }

    static RuleDefinition define(Clock clock, EksVersions table) {
        return rule(ID)
                .severity(Severity.WARNING)
                .title("EKS cluster on a Kubernetes version billed at the extended-support rate")
                .prevents("Extended support billing: $0.60 instead of $0.10 per cluster-hour")
                .check(resources(Kind.EKS_CLUSTER).that(mayUseExtendedSupport())
                        .should(runAVersionInStandardSupport(clock, table))
                        .because("standard support ends 14 months after a version's EKS release"))
                .fix(Format.TERRAFORM, "Upgrade the cluster to a version in standard support, one minor version at "
                        + "a time, or set upgrade_policy { support_type = \"STANDARD\" } to be upgraded "
                        + "automatically instead.")
                .fix(Format.CLOUDFORMATION, "Upgrade the cluster to a version in standard support, one minor "
                        + "version at a time, or set UpgradePolicy: {SupportType: STANDARD} to be upgraded "
                        + "automatically instead.")
                .doc(doc(table))
                .facts(table.factSource());
    }

    /** Clusters whose support policy is not STANDARD (EXTENDED is the API default). */
    static ResourcePredicate mayUseExtendedSupport() {
        return ResourcePredicate.of("may use extended support", (cluster, graph) -> {
            Optional<Value> type = cluster.property("upgrade_policy.support_type");
            if (Values.isSet(type) == Truth.FALSE) {
                return Truth.TRUE;
            }
            return Values.resolvedString(type.get(), graph).map(t -> Truth.of(!t.equals("STANDARD")))
                    .orElse(Truth.UNKNOWN);
        });
    }

    static ResourceCondition runAVersionInStandardSupport(Clock clock, EksVersions table) {
        return ResourceCondition.of("run a Kubernetes version in standard support", (cluster, graph, events) -> {
            Optional<Value> version = cluster.property("version");
            Optional<Support> support = version.flatMap(v -> Values.resolvedString(v, graph)).flatMap(table::of);
            if (support.isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.now(clock);
            Support s = support.get();
            if (today.isBefore(s.endOfStandard()) || !today.isBefore(s.endOfExtended())) {
                // past extended support the version is refused, which eks-version-unsupported reports as an error
                return;
            }
            events.violated(cluster, cluster.address() + " runs Kubernetes " + s.version() + ", out of standard "
                            + "support since " + s.endOfStandard() + ": billed at the extended-support rate ($0.60 "
                            + "instead of $0.10 per cluster-hour) until " + s.endOfExtended()
                            + " (EKS release calendar of " + table.tableDate() + ")",
                    version.get().span(), "version", s.version());
        });
    }

    private static String doc(EksVersions table) {
        return """
                # eks-extended-support-version

                An EKS cluster (`aws_eks_cluster`, `AWS::EKS::Cluster`) whose `version` / `Version` is a Kubernetes
                version that, on the day of the scan, is past its end of standard support in the EKS release
                calendar and not yet past its end of extended support, unless its support policy is `STANDARD`
                (`upgrade_policy { support_type }`, `UpgradePolicy.SupportType`; the API default is `EXTENDED`).
                A version past its end of extended support, or older than the calendar, cannot be created at all:
                `eks-version-unsupported` reports it, as an error.

                The calendar is the table in `src/main/resources/dev/preflight/rules/eks-kubernetes-versions.properties`,
                dated {date}, from {source}. Versions that are not in it (newer ones, or a version not known before apply)
                are not judged.

                ## What it costs

                Standard support lasts 14 months from the EKS release; after that the version is in extended support
                for 12 more months, billed at $0.60 per cluster-hour instead of $0.10 (about $365 more per cluster per
                month). Billing starts at 00:00 UTC on the end-of-standard-support date.

                ## What it leaves alone, and why

                - Clusters with the `STANDARD` support policy: EKS upgrades them at the end of standard support instead of
                  billing extended support (https://docs.aws.amazon.com/eks/latest/userguide/view-upgrade-policy.html).
                - Versions past their end of extended support, or older than the calendar: they cannot be created at all, which
                  `eks-version-unsupported` reports.
                - Versions newer than the table, and versions not known before apply.

                ## Bad

                ```hcl
                resource "aws_eks_cluster" "main" {
                  name     = "main"
                  role_arn = aws_iam_role.cluster.arn
                  version  = "1.32"
                  vpc_config {
                    subnet_ids = aws_subnet.private[*].id
                  }
                }
                ```

                ```yaml
                Cluster:
                  Type: AWS::EKS::Cluster
                  Properties:
                    Version: "1.32"
                    RoleArn: !GetAtt ClusterRole.Arn
                    ResourcesVpcConfig:
                      SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
                ```

                ## Good

                Upgrade to a version in standard support, or let EKS upgrade the cluster when standard support ends:

                ```hcl
                resource "aws_eks_cluster" "main" {
                  # ...
                  version = "1.32"
                  upgrade_policy {
                    support_type = "STANDARD"
                  }
                }
                ```

                ```yaml
                Cluster:
                  Type: AWS::EKS::Cluster
                  Properties:
                    Version: "1.32"
                    UpgradePolicy:
                      SupportType: STANDARD
                ```

                """.replace("{date}", table.tableDate().toString()).replace("{source}", table.source())
                + RuleDocs.suppression(ID);
    }
}
