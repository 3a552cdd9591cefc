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
import dev.preflight.dsl.aws.RdsEngineVersions;
import dev.preflight.dsl.aws.RdsEngineVersions.Status;
import dev.preflight.dsl.aws.RdsEngineVersions.Support;
import dev.preflight.graph.Kind;
import java.time.Clock;
import java.time.LocalDate;

/**
 * A DB instance or cluster on a major engine version RDS no longer creates: retired before RDS Extended Support
 * existed, past the end of Extended Support, or past standard support with Extended Support turned off.
 */
@AutoService(Rule.class)
public final class RdsEngineVersionUnavailable extends DslRule {
    public static final String ID = "rds-engine-version-unavailable";

    /** The rule as the scanner runs it: today is the scan date ({@link ScanClock}). */
    public RdsEngineVersionUnavailable() {
        this(ScanClock.clock());
    }

    /** The rule judged at the date of {@code clock} (tests fix it). */
    public RdsEngineVersionUnavailable(Clock clock) {
        super(define(clock, RdsEngineVersions.bundled()));
    }

    static RuleDefinition define(Clock clock, RdsEngineVersions table) {
        return rule(ID)
                .severity(Severity.ERROR)
                .title("RDS or Aurora database on a major engine version RDS no longer creates")
                .prevents("InvalidParameterCombination: Cannot find version <version> for <engine>")
                .check(resources(Kind.DB_INSTANCE, Kind.DB_CLUSTER)
                        .should(useAVersionRdsStillCreates(clock, table))
                        .because("RDS removes a major version from creation when its support ends"))
                .fix("Set engine_version (EngineVersion) to a major version in standard support, e.g. MySQL 8.4 or "
                        + "PostgreSQL 17, after testing the application on it.")
                .doc(doc(table))
                .facts(table.factSource());
    }

    static ResourceCondition useAVersionRdsStillCreates(Clock clock, RdsEngineVersions table) {
        return ResourceCondition.of("use a major engine version RDS still creates", (db, graph, events) ->
                table.ofDatabase(db, graph).ifPresent(written -> {
                    LocalDate today = LocalDate.now(clock);
                    Support s = written.support();
                    Status status = s.on(today);
                    String why;
                    if (status == Status.NOT_OFFERED) {
                        why = s.endOfExtended().map(d -> "past the end of RDS Extended Support (" + d + ")")
                                .orElse("retired");
                    } else if (status == Status.EXTENDED_SUPPORT && written.extendedSupportDisabled()) {
                        why = "past standard support (" + s.endOfStandard().get() + ") and its engine lifecycle "
                                + "support is " + RdsEngineVersions.EXTENDED_SUPPORT_DISABLED;
                    } else {
                        return;
                    }
                    events.violated(db, db.address() + " runs " + s.label() + " (" + Values.show(written.version())
                                    + "), which RDS no longer creates: " + why + " (RDS version calendar of "
                                    + table.tableDate() + ")", written.version().span(), "engine_version",
                            Values.show(written.version()));
                }));
    }

    private static String doc(RdsEngineVersions table) {
        return """
                # rds-engine-version-unavailable

                A DB instance or cluster (`aws_db_instance`, `aws_rds_cluster`, `AWS::RDS::DBInstance`,
                `AWS::RDS::DBCluster`) whose `engine` and `engine_version` / `Engine` and `EngineVersion` name a
                major version that RDS, on the day of the scan, no longer creates:

                - a major version RDS retired before RDS Extended Support existed (MySQL 5.5 and 5.6, PostgreSQL 9.x
                  and 10, MariaDB 10.0 to 10.3, Aurora MySQL 1, Aurora PostgreSQL 9.6 and 10);
                - a major version past the end of RDS Extended Support;
                - a major version past the end of standard support, on a database whose
                  `engine_lifecycle_support` / `EngineLifecycleSupport` is
                  `open-source-rds-extended-support-disabled` (RDS then refuses to create it rather than bill
                  Extended Support).

                Creating it fails with `InvalidParameterCombination: Cannot find version 5.6.51 for mysql`, so a new
                environment fails to deploy. A DB instance that belongs to an Aurora cluster is judged through its
                cluster. Major versions are read from the version as RDS counts them (`5.7.44` and
                `5.7.mysql_aurora.2.11.2` are 5.7, `13.7` is 13). Engines and versions not known before apply, and
                versions not in the table, are not judged; minor versions RDS has withdrawn are not judged either.

                The calendar is the table in `src/main/resources/dev/preflight/rules/rds-engine-versions.properties`,
                compiled {date} from {source} and the pages it names (`preflight explain` shows both).

                ## Bad

                ```hcl
                resource "aws_db_instance" "db" {
                  identifier          = "app"
                  engine              = "mysql"
                  engine_version      = "5.6.51"
                  instance_class      = "db.t3.micro"
                  allocated_storage   = 20
                  username            = "admin"
                  password            = var.password
                  skip_final_snapshot = true
                }
                ```

                ```yaml
                Database:
                  Type: AWS::RDS::DBCluster
                  Properties:
                    Engine: aurora-postgresql
                    EngineVersion: "10.21"
                    MasterUsername: app
                    ManageMasterUserPassword: true
                ```

                ## Good

                ```hcl
                resource "aws_db_instance" "db" {
                  # ...
                  engine         = "mysql"
                  engine_version = "8.4"
                }
                ```

                ```yaml
                Database:
                  Type: AWS::RDS::DBCluster
                  Properties:
                    Engine: aurora-postgresql
                    EngineVersion: "16.4"
                ```

                ## Sources

                - Amazon RDS User Guide, "Using Amazon RDS Extended Support" and "Amazon RDS Extended Support charges":
                  https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html
                - "Supported MySQL major versions on Amazon RDS", "Release calendar for Amazon RDS for PostgreSQL",
                  "Amazon Aurora major versions".
                - The error as Terraform and CloudFormation print it, e.g. in ned1313/Deep-Dive-Terraform#19 and
                  openemr/openemr-devops#311.

                """.replace("{date}", table.tableDate().toString()).replace("{source}", table.source())
                + RuleDocs.suppression(ID);
    }
}
