package dev.preflight.rules.pack3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.Finding;
import dev.preflight.dsl.Rule;
import dev.preflight.engine.ScanRequest;
import dev.preflight.engine.Scanner;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.rules.LambdaRuntimeCreateBlocked;
import dev.preflight.rules.LambdaRuntimeDeprecated;
import dev.preflight.rules.RdsEngineVersionUnavailable;
import dev.preflight.rules.RdsExtendedSupportVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dated rules against fixed dates: the same configuration changes verdict as its dates pass. */
class DatedRulesTest {
    @TempDir
    Path dir;

    private ResourceGraph graph(String terraform) throws IOException {
        Files.writeString(dir.resolve("main.tf"), terraform);
        return new Scanner().scan(new ScanRequest(List.of(dir), dir, Map.of(), Map.of(), List.of(), 1)).graph();
    }

    private ResourceGraph function(String runtime) throws IOException {
        return graph("""
                resource "aws_lambda_function" "f" {
                  function_name = "f"
                  role          = "arn:aws:iam::123456789012:role/lambda"
                  handler       = "index.handler"
                  runtime       = "%s"
                  filename      = "f.zip"
                }
                """.formatted(runtime));
    }

    private ResourceGraph database(String engine, String version, String lifecycle) throws IOException {
        return graph("""
                resource "aws_db_instance" "db" {
                  engine                   = "%s"
                  engine_version           = "%s"
                  engine_lifecycle_support = %s
                  instance_class           = "db.m6g.large"
                }
                """.formatted(engine, version, lifecycle));
    }

    private static List<Finding> at(String date, Function<Clock, Rule> rule, ResourceGraph graph) {
        return rule.apply(Clock.fixed(Instant.parse(date + "T00:00:00Z"), ZoneOffset.UTC)).check(graph);
    }

    @Test
    void lambdaRuntimeIsAWarningUntilItsCreateBlockThenAnError() throws IOException {
        ResourceGraph nodejs20 = function("nodejs20.x");
        // block create 2027-02-01: more than 180 days ahead and not yet deprecated (2026-04-30)
        assertEquals(0, at("2026-01-01", LambdaRuntimeDeprecated::new, nodejs20).size());
        List<Finding> warned = at("2026-12-07", LambdaRuntimeDeprecated::new, nodejs20);
        assertEquals(1, warned.size());
        assertTrue(warned.get(0).message().contains("blocks creating functions on it from 2027-02-01"),
                warned.get(0).message());
        assertEquals(0, at("2026-12-07", LambdaRuntimeCreateBlocked::new, nodejs20).size());
        assertEquals(1, at("2027-02-01", LambdaRuntimeCreateBlocked::new, nodejs20).size());
        assertEquals(0, at("2027-02-01", LambdaRuntimeDeprecated::new, nodejs20).size(), "one finding, the error");
    }

    @Test
    void aComingUpdateBlockWarnsBeforeDeprecationWhenTheCreateDateIsUnknown() throws IOException {
        // nodejs22.x: deprecation 2027-04-30, block create not confirmed, block update 2027-07-01
        ResourceGraph nodejs22 = function("nodejs22.x");
        assertEquals(0, at("2026-12-31", LambdaRuntimeDeprecated::new, nodejs22).size());
        assertEquals(1, at("2027-01-02", LambdaRuntimeDeprecated::new, nodejs22).size());
        assertEquals(0, at("2030-01-01", LambdaRuntimeCreateBlocked::new, nodejs22).size(),
                "no error without a known create block");
    }

    @Test
    void runtimesOutsideTheTableAreNotJudged() throws IOException {
        ResourceGraph custom = function("nodejs99.x");
        assertEquals(0, at("2040-01-01", LambdaRuntimeDeprecated::new, custom).size());
        assertEquals(0, at("2040-01-01", LambdaRuntimeCreateBlocked::new, custom).size());
    }

    @Test
    void rdsVersionIsBilledFromTheDayAfterStandardSupportAndRefusedAfterExtendedSupport() throws IOException {
        ResourceGraph mysql8 = database("mysql", "8.0.36", "null");
        assertEquals(0, at("2026-07-31", RdsExtendedSupportVersion::new, mysql8).size());
        List<Finding> billed = at("2026-08-01", RdsExtendedSupportVersion::new, mysql8);
        assertEquals(1, billed.size());
        assertTrue(billed.get(0).message().contains("$0.100 per vCPU-hour"), billed.get(0).message());
        assertTrue(at("2028-08-01", RdsExtendedSupportVersion::new, mysql8).get(0).message()
                .contains("$0.200 per vCPU-hour (year 3"));
        assertEquals(0, at("2029-07-31", RdsEngineVersionUnavailable::new, mysql8).size());
        assertEquals(1, at("2029-08-01", RdsEngineVersionUnavailable::new, mysql8).size());
        assertEquals(0, at("2029-08-01", RdsExtendedSupportVersion::new, mysql8).size());
    }

    @Test
    void extendedSupportTurnedOffMakesAVersionPastStandardSupportAnError() throws IOException {
        ResourceGraph disabled = database("postgres", "13.15", "\"open-source-rds-extended-support-disabled\"");
        assertEquals(0, at("2026-02-28", RdsEngineVersionUnavailable::new, disabled).size());
        assertEquals(1, at("2026-03-01", RdsEngineVersionUnavailable::new, disabled).size());
        assertEquals(0, at("2026-03-01", RdsExtendedSupportVersion::new, disabled).size());
    }

    @Test
    void majorVersionsAreCountedTheWayRdsCountsThem() throws IOException {
        // PostgreSQL 10.21 is the retired major version 10; MariaDB 10.11 is a current one
        assertEquals(1, at("2026-12-07", RdsEngineVersionUnavailable::new, database("postgres", "10.21", "null"))
                .size());
        assertEquals(0, at("2026-12-07", RdsEngineVersionUnavailable::new, database("mariadb", "10.11.9", "null"))
                .size());
        assertEquals(1, at("2026-12-07", RdsExtendedSupportVersion::new,
                database("aurora-mysql", "5.7.mysql_aurora.2.12.2", "null")).size());
    }
}
