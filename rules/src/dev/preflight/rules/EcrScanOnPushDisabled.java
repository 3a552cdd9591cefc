package dev.preflight.rules;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import com.google.auto.service.AutoService;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.ResourceCondition;
import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.RuleDocs;
import dev.preflight.dsl.Severity;
import dev.preflight.dsl.Truth;
import dev.preflight.dsl.Values;
import dev.preflight.graph.Format;
import dev.preflight.graph.Kind;
import dev.preflight.graph.Resource;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.util.Optional;
import java.util.Set;

/**
 * An ECR repository whose images are never scanned when pushed, in a configuration without registry-level scanning:
 * known vulnerabilities in a new image go unnoticed until someone scans it by hand.
 */
@AutoService(Rule.class)
public final class EcrScanOnPushDisabled extends DslRule {
    public static final String ID = "ecr-scan-on-push-disabled";
    private static final Set<String> SCANNING_FREQUENCIES = Set.of("SCAN_ON_PUSH", "CONTINUOUS_SCAN");

    public EcrScanOnPushDisabled() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.NOTE)
                .title("ECR repository without scan on push")
                .prevents("Images with known vulnerabilities deployed without anyone being told")
                .check(resources(Kind.ECR_REPOSITORY)
                        .should(scanImagesOnPush())
                        .because("the default is to scan only when asked, which in practice means never"))
                .fix(Format.TERRAFORM, "Set image_scanning_configuration { scan_on_push = true }, or configure "
                        + "registry scanning (aws_ecr_registry_scanning_configuration).")
                .fix(Format.CLOUDFORMATION, "Set ImageScanningConfiguration: {ScanOnPush: true}, or configure "
                        + "registry scanning (AWS::ECR::RegistryScanningConfiguration).")
                .doc(DOC);
    }

    static ResourceCondition scanImagesOnPush() {
        return ResourceCondition.of("scan images on push", (repo, graph, events) -> {
            if (repo.isDataSource()) {
                return;
            }
            Optional<Value> scan = repo.property("image_scanning_configuration.scan_on_push");
            if (Values.isSet(scan) == Truth.TRUE) {
                Optional<String> known = Values.resolvedString(scan.get(), graph);
                if (known.isEmpty() || known.get().equalsIgnoreCase("true")) {
                    return;
                }
            } else if (Values.isSet(scan) == Truth.UNKNOWN) {
                return;
            }
            if (registryScans(repo, graph) != Truth.FALSE) {
                return;
            }
            events.violated(repo, repo.address() + " does not scan images on push, and no registry scanning "
                            + "configuration is in this configuration: vulnerable images are pushed and deployed "
                            + "unnoticed", scan.map(Value::span).orElse(null),
                    "image_scanning_configuration.scan_on_push", scan.map(Values::show).orElse("(absent)"));
        });
    }

    /**
     * Whether a registry scanning configuration of the same configuration (root module or template) as the
     * repository scans on push or continuously, whatever its filters.
     */
    private static Truth registryScans(Resource repo, ResourceGraph graph) {
        Truth any = Truth.FALSE;
        for (Resource config : graph.resources(Kind.ECR_REGISTRY_SCANNING, repo.id().scope())) {
            Optional<String> type = config.property("scan_type").flatMap(v -> Values.resolvedString(v, graph));
            if (type.isEmpty()) {
                any = any.or(Truth.UNKNOWN);
                continue;
            }
            if (type.get().equals("ENHANCED")) {
                return Truth.TRUE;
            }
            Optional<Value> rules = config.properties().get("rules");
            if (rules.isEmpty()) {
                continue;
            }
            for (Value rule : Values.elements(rules.get())) {
                Optional<String> frequency = rule instanceof Value.MapValue m
                        ? m.get("scan_frequency").flatMap(v -> Values.resolvedString(v, graph)) : Optional.empty();
                any = any.or(frequency.map(f -> Truth.of(SCANNING_FREQUENCIES.contains(f))).orElse(Truth.UNKNOWN));
            }
        }
        return any;
    }

    private static final String DOC = """
            # ecr-scan-on-push-disabled

            An ECR repository without `image_scanning_configuration { scan_on_push = true }`
            (`ImageScanningConfiguration.ScanOnPush: true`), in a configuration that has no registry scanning
            configuration (`aws_ecr_registry_scanning_configuration` / `AWS::ECR::RegistryScanningConfiguration`)
            with enhanced scanning or a `SCAN_ON_PUSH` / `CONTINUOUS_SCAN` rule. The default is false: images are
            scanned only when someone asks.

            A registry scanning configuration is account-wide; when it is managed in another configuration, this
            finding is expected: suppress it with that reason.

            ## The risk

            Images with known vulnerabilities (a base image with a critical CVE) are pushed and deployed without
            a finding anywhere. Scan on push with basic scanning costs nothing extra.

            ## What it leaves alone, and why

            - Repositories in a configuration that also has a registry scanning configuration with enhanced scanning or a
              scan-on-push / continuous rule, whatever its repository filters: the registry-level configuration decides which
              repositories are scanned
              (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutRegistryScanningConfiguration.html), and
              preflight does not match filters, so it stays silent rather than guess.
            - Repositories read from a data source (managed elsewhere).

            ## Bad

            ```hcl
            resource "aws_ecr_repository" "app" {
              name                 = "app"
              image_tag_mutability = "IMMUTABLE"
            }
            ```

            ```yaml
            Repository:
              Type: AWS::ECR::Repository
              Properties:
                RepositoryName: app
                ImageTagMutability: IMMUTABLE
            ```

            ## Good

            ```hcl
            resource "aws_ecr_repository" "app" {
              name                 = "app"
              image_tag_mutability = "IMMUTABLE"
              image_scanning_configuration {
                scan_on_push = true
              }
            }
            ```

            ```yaml
            Repository:
              Type: AWS::ECR::Repository
              Properties:
                RepositoryName: app
                ImageTagMutability: IMMUTABLE
                ImageScanningConfiguration:
                  ScanOnPush: true
            ```

            """ + RuleDocs.suppression(ID);
}
