package dev.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.Severity;
import dev.preflight.testing.RuleJars;
import dev.preflight.testing.SarifSchema;
import dev.preflight.testing.TextMatchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users' rules in the gate: a rule jar and a rule file run as built-in rules do (listing, explain, every format,
 * suppressions, baseline, rule selection, severities), and a jar or file that cannot be used is a clear usage error
 * (exit 2) naming it, never a stack trace, while the trust rule keeps jars out of configs found in scanned folders.
 */
class UserRulesCliTest {
    private static final String BUCKET_KIND = "DeclaredKind.named(\"BUCKET\").terraform(\"aws_s3_bucket\")"
            + ".cloudFormation(\"AWS::S3::Bucket\").property(\"bucket\", \"bucket\", \"BucketName\")";
    private static final String PREFIX_RULE = RuleJars.dslRule("BucketPrefix", "acme-bucket-prefix",
            "resources(" + BUCKET_KIND + ").should(Conditions.match(Predicates.haveValueMatching(\"bucket\", "
                    + "\"acme-.*\"), \"bucket\"))");

    @TempDir
    Path dir;
    List<Rule> builtIn;

    @BeforeEach
    void setUp() throws Exception {
        builtIn = List.of(new TextMatchRule("no-latest", Severity.WARNING, dir.resolve("none"), dir, "latest"));
        Files.createDirectories(dir.resolve("none"));
        write("infra/main.tf", """
                resource "aws_s3_bucket" "good" {
                  bucket = "acme-assets"
                }

                resource "aws_s3_bucket" "bad" {
                  bucket = "legacy-exports"
                }
                """);
        write("infra/stack.yaml", """
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  Reports:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: reports-2019
                  Assets:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: acme-report-assets
                """);
        write("rules/acme.yaml", """
                rules:
                  - id: acme-bucket-versioned
                    severity: note
                    title: Bucket without a Team tag
                    fix: Tag it.
                    resources: {type: [aws_s3_bucket, AWS::S3::Bucket]}
                    should:
                      - tag: Team
                        present: true
                """);
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private Path jar(String name, Map<String, String> sources, List<String> services) {
        return RuleJars.build(dir.resolve(name), sources, services);
    }

    private Path prefixJar() {
        return jar("acme.jar", Map.of("acme.BucketPrefix", PREFIX_RULE), List.of("acme.BucketPrefix"));
    }

    private CliRun run(String... args) {
        return CliRun.in(dir, builtIn, args);
    }

    private static void assertUsageError(CliRun r, String... parts) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "'" + p + "' not in: " + r.err());
        }
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception:"), "a stack trace: " + r.err());
        assertFalse(r.err().contains("--help"), "a rule problem is not a command-line mistake: " + r.err());
    }

    @Test
    void aJarAndARuleFileRunInTheGateInBothFormats() throws Exception {
        prefixJar();
        CliRun r = run("scan", "infra", "--rules-jar", "acme.jar", "--rules-file", "rules/acme.yaml");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("infra/main.tf:6:12: error[acme-bucket-prefix] aws_s3_bucket.bad does not have "
                + "bucket matching acme-.* (bucket: legacy-exports)"), r.out());
        assertTrue(r.out().contains("infra/stack.yaml:6:19: error[acme-bucket-prefix] Reports does not have bucket "
                + "matching acme-.* (BucketName: reports-2019)"), r.out());
        assertEquals(4, r.out().lines().filter(l -> l.contains("note[acme-bucket-versioned]")).count(), r.out());

        CliRun sarif = run("scan", "infra", "--rules-jar", "acme.jar", "--rules-file", "rules/acme.yaml",
                "--format", "sarif");
        JsonNode tree = SarifSchema.assertValid(sarif.out().getBytes());
        JsonNode rules = tree.at("/runs/0/tool/driver/rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(n -> ids.add(n.get("id").asText()));
        assertTrue(ids.containsAll(List.of("acme-bucket-prefix", "acme-bucket-versioned")), ids.toString());
        JsonNode prefix = rules.get(ids.indexOf("acme-bucket-prefix"));
        assertEquals("a test rule", prefix.at("/shortDescription/text").asText());
        assertEquals("resources of kind BUCKET should have bucket matching acme-.*",
                prefix.at("/fullDescription/text").asText());
        assertEquals("error", prefix.at("/defaultConfiguration/level").asText());
        assertEquals("[\"infrastructure-as-code\",\"bucket\"]", prefix.at("/properties/tags").toString());
        assertEquals("note", rules.get(ids.indexOf("acme-bucket-versioned")).at("/defaultConfiguration/level")
                .asText());

        JsonNode json = new ObjectMapper().readTree(run("scan", "infra", "--rules-jar", "acme.jar",
                "--format", "json").out());
        assertEquals(2, json.get("findings").size(), json.toString());
        assertEquals("acme-bucket-prefix", json.at("/findings/0/ruleId").asText());
    }

    @Test
    void rulesAndExplainShowUsersRulesWithWhereTheyComeFrom() {
        prefixJar();
        CliRun rules = run("rules", "--rules-jar", "acme.jar", "--rules-file", "rules/acme.yaml");
        assertEquals(0, rules.exitCode(), rules.err());
        assertTrue(rules.out().contains("acme-bucket-prefix"), rules.out());
        assertTrue(rules.out().lines().anyMatch(l -> l.startsWith("acme-bucket-prefix") && l.contains("BUCKET")
                && l.endsWith("a test rule  [from acme.jar]")), rules.out());
        assertTrue(rules.out().lines().anyMatch(l -> l.startsWith("acme-bucket-versioned")
                && l.contains("aws_s3_bucket,AWS::S3::Bucket") && l.endsWith("[from rules/acme.yaml]")), rules.out());
        assertFalse(run("rules").out().contains("acme-"), "without the options the rules are not there");

        CliRun explain = run("explain", "acme-bucket-versioned", "--rules-file", "rules/acme.yaml");
        assertEquals(0, explain.exitCode(), explain.err());
        assertTrue(explain.out().contains("from:     rules/acme.yaml"), explain.out());
        assertTrue(explain.out().contains("checks:   resources of type aws_s3_bucket or AWS::S3::Bucket should have "
                + "tag Team"), explain.out());
    }

    @Test
    void suppressionsBaselinesSelectionAndSeveritiesWorkForUsersRules() throws Exception {
        prefixJar();
        String[] base = {"scan", "infra", "--rules-jar", "acme.jar"};
        write("infra/main.tf", Files.readString(dir.resolve("infra/main.tf")).replace(
                "resource \"aws_s3_bucket\" \"bad\"",
                "# preflight:ignore acme-bucket-prefix the export tool needs this name\nresource \"aws_s3_bucket\" \"bad\""));
        write("infra/stack.yaml", Files.readString(dir.resolve("infra/stack.yaml")).replace(
                "    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: reports-2019",
                "    Type: AWS::S3::Bucket\n    Metadata:\n      preflight:\n        ignore:\n"
                        + "          - {id: acme-bucket-prefix, reason: archived}\n"
                        + "    Properties:\n      BucketName: reports-2019"));
        CliRun suppressed = run(base);
        assertEquals(0, suppressed.exitCode(), suppressed.out());
        assertTrue(suppressed.out().contains("2 suppressed"), suppressed.out());

        write("infra/more.tf", "resource \"aws_s3_bucket\" \"other\" {\n  bucket = \"other-name\"\n}\n");
        assertEquals(1, run(base).exitCode());
        CliRun written = run(concat(base, "--write-baseline", "baseline.json"));
        assertEquals(0, written.exitCode(), written.out() + written.err());
        assertTrue(Files.readString(dir.resolve("baseline.json")).contains("\"ruleId\" : \"acme-bucket-prefix\""));
        CliRun baselined = run(concat(base, "--baseline", "baseline.json"));
        assertEquals(0, baselined.exitCode(), baselined.out());
        assertTrue(baselined.out().contains("1 in the baseline"), baselined.out());

        assertEquals(0, run(concat(base, "--skip-rule", "acme-bucket-prefix")).exitCode());
        assertEquals(0, run(concat(base, "--rule", "no-latest")).exitCode());
        assertEquals(1, run(concat(base, "--rule", "acme-bucket-prefix")).exitCode());
        assertEquals(0, run(concat(base, "--severity-override", "acme-bucket-prefix=note", "--fail-on", "warning"))
                .exitCode());
        CliRun note = run(concat(base, "--severity-override", "acme-bucket-prefix=note"));
        assertTrue(note.out().contains("note[acme-bucket-prefix]"), note.out());
        assertEquals(0, run(concat(base, "--fail-on", "never")).exitCode());
        CliRun unknown = run("scan", "infra", "--skip-rule", "acme-bucket-prefix");
        assertEquals(2, unknown.exitCode(), "without the jar its ids are unknown");
        assertTrue(unknown.err().contains("unknown rule id 'acme-bucket-prefix'"), unknown.err());
    }

    @Test
    void aRuleThatThrowsIsReportedWithItsJarWhileEveryOtherFindingIsKept() throws Exception {
        String throwing = RuleJars.dslRule("Fragile", "acme-fragile", "resourcesOfType(\"aws_s3_bucket\").should("
                + "ResourceCondition.of(\"be readable\", (r, g, e) -> { if (r.address().endsWith(\"bad\")) "
                + "throw new IllegalStateException(\"cannot read \" + r.address()); "
                + "e.violated(r, r.address() + \" was read\", null, \"bucket\", \"x\"); }))");
        jar("fragile.jar", Map.of("acme.Fragile", throwing), List.of("acme.Fragile"));
        prefixJar();
        CliRun r = run("scan", "infra", "--rules-jar", "fragile.jar", "--rules-jar", "acme.jar", "--format", "text");
        assertEquals(2, r.exitCode(), "the gate could not look at one resource: " + r.out());
        assertTrue(r.out().contains("infra/main.tf:5:1: error[rule-error] rule 'acme-fragile' (from fragile.jar) "
                + "failed on aws_s3_bucket.bad: IllegalStateException: cannot read aws_s3_bucket.bad (at "
                + "acme.Fragile."), r.out());
        assertTrue(r.out().contains("[acme-fragile] aws_s3_bucket.good was read"), "its other findings: " + r.out());
        assertTrue(r.out().contains("error[acme-bucket-prefix] aws_s3_bucket.bad"), "other rules': " + r.out());
        assertFalse(r.out().contains("\tat "), r.out());
    }

    @Test
    void badJarsAndFilesAreUsageErrorsNamingThem() throws Exception {
        prefixJar();
        jar("clash.jar", Map.of("acme.Clash", RuleJars.dslRule("Clash", "no-latest", "resources()"
                + ".should(Conditions.have(\"x\"))")), List.of("acme.Clash"));
        assertUsageError(run("scan", "infra", "--rules-jar", "clash.jar"),
                "rule id 'no-latest' from clash.jar is taken by a built-in rule");
        jar("again.jar", Map.of("acme.BucketPrefix", PREFIX_RULE), List.of("acme.BucketPrefix"));
        assertUsageError(run("scan", "infra", "--rules-jar", "acme.jar", "--rules-jar", "again.jar"),
                "rule id 'acme-bucket-prefix' from again.jar is taken by a rule from acme.jar");
        write("rules/clash.yaml", Files.readString(dir.resolve("rules/acme.yaml"))
                .replace("acme-bucket-versioned", "acme-bucket-prefix"));
        assertUsageError(run("scan", "infra", "--rules-jar", "acme.jar", "--rules-file", "rules/clash.yaml"),
                "rule id 'acme-bucket-prefix' from rules/clash.yaml is taken by a rule from acme.jar");

        jar("empty.jar", Map.of("acme.BucketPrefix", PREFIX_RULE), null);
        assertUsageError(run("scan", "infra", "--rules-jar", "empty.jar"), "rule jar empty.jar registers no rule",
                "META-INF/services/dev.preflight.dsl.Rule");
        jar("missing-class.jar", Map.of(), List.of("acme.Gone"));
        assertUsageError(run("scan", "infra", "--rules-jar", "missing-class.jar"),
                "rule jar missing-class.jar: cannot load", "acme.Gone");
        jar("bad-id.jar", Map.of("acme.BadId", """
                package acme;
                public final class BadId implements dev.preflight.dsl.Rule {
                    public dev.preflight.dsl.RuleInfo info() {
                        return new dev.preflight.dsl.RuleInfo("Not Kebab", dev.preflight.dsl.Severity.ERROR, "t", null,
                                null, null, java.util.List.of(), null);
                    }
                    public java.util.List<dev.preflight.dsl.Finding> check(dev.preflight.graph.ResourceGraph g) {
                        return java.util.List.of();
                    }
                }
                """), List.of("acme.BadId"));
        assertUsageError(run("scan", "infra", "--rules-jar", "bad-id.jar"), "rule jar bad-id.jar: rule class "
                + "acme.BadId has the id 'Not Kebab'");
        write("not-a.jar", "hello");
        assertUsageError(run("scan", "infra", "--rules-jar", "not-a.jar"), "rule jar not-a.jar is not a jar");
        assertUsageError(run("scan", "infra", "--rules-jar", "nowhere.jar"), "rule jar nowhere.jar does not exist");
        write("rules/bad.yaml", "rules:\n  - id: acme-x\n    title: x\n    resources: {kind: NOPE}\n    should: []\n");
        assertUsageError(run("scan", "infra", "--rules-file", "rules/bad.yaml"),
                "rules/bad.yaml:4:23: 'rules[0].resources.kind': unknown kind 'NOPE'");
        assertUsageError(run("rules", "--rules-jar", "empty.jar"), "registers no rule");
    }

    /**
     * A jar is code: a config found in a scanned folder cannot load one (the jar's rule would write a file when
     * loaded: it must not exist afterwards), while the current directory's config and --config can. Rule files are
     * data and load from anywhere.
     */
    @Test
    void aConfigInsideAScannedFolderCannotLoadAJar() throws Exception {
        String marking = RuleJars.dslRule("Marker", "acme-marker", "resources().should(Conditions.have(\"x\"))")
                .replace("public NAME() {".replace("NAME", "Marker"),
                        "static { try { java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("
                                + "\"java.io.tmpdir\"), \"" + dir.getFileName() + "-loaded\"), \"x\"); } "
                                + "catch (java.io.IOException e) { } }\n    public Marker() {");
        jar("infra/tools/marker.jar", Map.of("acme.Marker", marking), List.of("acme.Marker"));
        write("infra/.preflight.yaml", "rules:\n  jars: [tools/marker.jar]\n");
        Path marker = Path.of(System.getProperty("java.io.tmpdir"), dir.getFileName() + "-loaded");
        Files.deleteIfExists(marker);

        assertUsageError(run("scan", "infra"), "infra/.preflight.yaml names rule jars, but a config file found in a "
                + "scanned folder cannot load code");
        assertFalse(Files.exists(marker), "the jar of a scanned folder's config was loaded");

        CliRun chosen = run("scan", "infra", "--config", "infra/.preflight.yaml", "--format", "json");
        assertTrue(chosen.out().contains("acme-marker"), "--config is the user's choice: " + chosen.out() + chosen.err());
        assertTrue(Files.exists(marker));
        Files.delete(marker);

        CliRun fromHere = CliRun.in(dir.resolve("infra"), builtIn, "scan", ".", "--format", "json");
        assertTrue(fromHere.out().contains("acme-marker"), "the current directory's config: " + fromHere.err());
        Files.deleteIfExists(marker);

        write("infra/.preflight.yaml", "rules:\n  files: [../rules/acme.yaml]\n");
        CliRun data = run("scan", "infra");
        assertTrue(data.out().contains("acme-bucket-versioned"), "rule files are data: " + data.out() + data.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
