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
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.dsl.aws.RdsEngineVersions;
import dev.preflight.dsl.aws.RdsEngineVersions.Status;
import dev.preflight.dsl.aws.RdsEngineVersions.Support;
import dev.preflight.graph.Kind;
import java.time.Clock;
import java.time.LocalDate;

/**
 * A DB instance or cluster on a major engine version past the end of RDS standard support: RDS enrols it in RDS
 * Extended Support and bills every vCPU-hour on top of the instance price until it is upgraded.
 */
@AutoService(Rule.class)
public final class RdsExtendedSupportVersion extends DslRule {
    public static final String ID = "rds-extended-support-version";

    /** The rule as the scanner runs it: today is the scan date ({@link ScanClock}). */
    public RdsExtendedSupportVersion() {
        this(ScanClock.clock());
    }

    /** The rule judged at the date of {@code clock} (tests fix it). */
    public RdsExtendedSupportVersion(Clock clock) {
        super(define(clock, RdsEngineVersions.bundled()));
    }

    static RuleDefinition define(Clock clock, RdsEngineVersions table) {
        return rule(ID)
                .severity(Severity.WARNING)
                .title("RDS or Aurora database on a major version billed for RDS Extended Support")
                .prevents("RDS Extended Support charges: per vCPU-hour on top of the instance price ($0.100 in years "
                        + "1-2, $0.200 in year 3, us-east-1)")
                .check(resources(Kind.DB_INSTANCE, Kind.DB_CLUSTER)
                        .should(runAVersionInStandardSupport(clock, table))
                        .because("a major version past standard support is billed for RDS Extended Support"))
                .fix("Upgrade to a major version in standard support (e.g. MySQL 8.4, PostgreSQL 17, Aurora MySQL 3), "
                        + "or set engine_lifecycle_support = \"open-source-rds-extended-support-disabled\" to be "
                        + "refused rather than billed.")
                .doc(doc(table))
                .facts(table.factSource());
    }

    static ResourceCondition runAVersionInStandardSupport(Clock clock, RdsEngineVersions table) {
        return ResourceCondition.of("run a major engine version in standard support", (db, graph, events) ->
                table.ofDatabase(db, graph).ifPresent(written -> {
                    LocalDate today = LocalDate.now(clock);
                    Support s = written.support();
                    // billed only while Extended Support is on; a lifecycle setting not known before apply may be off
                    if (s.on(today) != Status.EXTENDED_SUPPORT
                            || RdsEngineVersions.extendedSupportEnabled(db, graph) != Truth.TRUE) {
                        return;
                    }
                    String rate = s.inThirdYearOn(today) && !s.engine().equals("aurora-mysql")
                            ? "$0.200 per vCPU-hour (year 3 of Extended Support)"
                            : "$0.100 per vCPU-hour";
                    events.violated(db, db.address() + " runs " + s.label() + " (" + Values.show(written.version())
                                    + "), past RDS standard support since " + s.endOfStandard().get() + ": billed "
                                    + "for RDS Extended Support at " + rate + " in us-east-1 on top of the instance "
                                    + "price, until " + s.endOfExtended().map(LocalDate::toString).orElse("upgraded")
                                    + " (RDS version calendar of " + table.tableDate() + ")",
                            written.version().span(), "engine_version", Values.show(written.version()));
                }));
    }

    private static String doc(RdsEngineVersions table) {
        return """
                # rds-extended-support-version

                A DB instance or cluster (`aws_db_instance`, `aws_rds_cluster`, `AWS::RDS::DBInstance`,
                `AWS::RDS::DBCluster`) whose `engine` and `engine_version` / `Engine` and `EngineVersion` name a major
                version that, on the day of the scan, is past the end of RDS standard support but still in RDS
                Extended Support (MySQL 5.7 and 8.0, PostgreSQL 11 to 13, Aurora MySQL 2, Aurora PostgreSQL 11 to 13
                in the table), unless `engine_lifecycle_support` / `EngineLifecycleSupport` is
                `open-source-rds-extended-support-disabled` (then RDS refuses the version:
                `rds-engine-version-unavailable`).

                ## What it costs

                From the day after the end of standard support, RDS enrols the database in RDS Extended Support and
                bills it per vCPU-hour, on top of the instance price, for every instance, reader and Multi-AZ standby:
                $0.100 per vCPU-hour in years 1 and 2 and $0.200 in year 3 in us-east-1 (Aurora Serverless v2 per ACU-hour;
                Aurora MySQL is billed at the year-1 rate throughout). A 4-vCPU Multi-AZ instance in year 3 costs about
                $1,170 more a month. At the end of Extended Support, RDS upgrades the database.

                The calendar is the table in `src/main/resources/dev/preflight/rules/rds-engine-versions.properties`,
                compiled {date} from {source} and the pages it names (`preflight explain` shows both). Engines and
                versions not known before apply, and versions not in the table, are not judged.

                ## Bad

                ```hcl
                resource "aws_db_instance" "db" {
                  identifier          = "app"
                  engine              = "postgres"
                  engine_version      = "12.19"
                  instance_class      = "db.m6g.large"
                  allocated_storage   = 20
                  username            = "app"
                  password            = var.password
                  skip_final_snapshot = true
                }
                ```

                ```yaml
                Database:
                  Type: AWS::RDS::DBInstance
                  Properties:
                    Engine: mysql
                    EngineVersion: "5.7.44"
                    DBInstanceClass: db.m6g.large
                    AllocatedStorage: "20"
                ```

                ## Good

                ```hcl
                resource "aws_db_instance" "db" {
                  # ...
                  engine         = "postgres"
                  engine_version = "17.2"
                }
                ```

                ```yaml
                Database:
                  Type: AWS::RDS::DBInstance
                  Properties:
                    Engine: mysql
                    EngineVersion: "8.4.3"
                ```

                ## Sources

                - Amazon RDS User Guide, "Amazon RDS Extended Support charges":
                  https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support-charges.html
                - Amazon RDS for MySQL and for PostgreSQL pricing pages (Extended Support rates, us-east-1).
                - "Supported MySQL major versions on Amazon RDS", "Release calendar for Amazon RDS for PostgreSQL",
                  "Amazon Aurora major versions".

                """.replace("{date}", table.tableDate().toString()).replace("{source}", table.source())
                + RuleDocs.suppression(ID);
    }
}
