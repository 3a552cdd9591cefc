package dev.preflight.dsl;

import dev.preflight.graph.ResourceGraph;
import java.util.List;

/**
 * Terraform and CloudFormation loaded once, to check rules against in a test, as ArchUnit checks rules against
 * imported classes. Get one from {@code dev.preflight.check.InfrastructureImporter} (or let
 * {@code @AnalyzeInfrastructure} load it), then call {@link Rule#check(Infrastructure)}.
 *
 * <pre>{@code
 * Infrastructure infrastructure = new InfrastructureImporter().importPaths(Path.of("infra"));
 * BuiltInRules.all().check(infrastructure);
 * myRule.check(infrastructure);
 * }</pre>
 *
 * Not meant to be implemented by users.
 */
public interface Infrastructure {
    /** The loaded resources, as rules see them. */
    ResourceGraph graph();

    /**
     * The findings of {@code rule} here that no suppression silences (comments and CloudFormation Metadata, as in
     * a scan), in report order: file, line, column.
     */
    List<Finding> findings(Rule rule);

    /** One {@code parse-error} finding per input that could not be read: a check must not pass without looking. */
    List<Finding> unreadable();
}
