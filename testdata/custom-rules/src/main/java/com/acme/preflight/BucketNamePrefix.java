package com.acme.preflight;

import static dev.preflight.dsl.ResourceSelection.resources;
import static dev.preflight.dsl.RuleDefinition.rule;

import dev.preflight.dsl.Conditions;
import dev.preflight.dsl.DslRule;
import dev.preflight.dsl.Predicates;
import dev.preflight.dsl.RuleDefinition;
import dev.preflight.dsl.Severity;

/**
 * Acme's bucket names start with {@code acme-}: the data team's inventory and the cost reports group buckets by
 * that prefix. A rule on a type with no built-in kind: it selects the declared kind {@link AcmeKinds#S3_BUCKET}, so
 * one rule reads {@code bucket} in Terraform and {@code BucketName} in CloudFormation.
 */
public final class BucketNamePrefix extends DslRule {
    public static final String ID = "acme-bucket-name-prefix";

    public BucketNamePrefix() {
        super(define());
    }

    static RuleDefinition define() {
        return rule(ID)
                .severity(Severity.WARNING)
                .title("S3 bucket whose name does not start with acme-")
                .prevents("buckets the inventory and the cost reports cannot attribute")
                .check(resources(AcmeKinds.S3_BUCKET)
                        .should(Conditions.match(Predicates.haveValueMatching("bucket", "acme-[a-z0-9.-]+"), "bucket"))
                        .because("the inventory groups buckets by the acme- prefix"))
                .fix("Name the bucket acme-<team>-<purpose> (bucket / BucketName); a bucket cannot be renamed, so "
                        + "create the new one and move the objects.")
                .doc("""
                        # acme-bucket-name-prefix

                        Every S3 bucket has an explicit name that starts with `acme-`. A bucket without a name gets
                        one from AWS (or CloudFormation), which the inventory cannot attribute either.

                        ```hcl
                        resource "aws_s3_bucket" "assets" {
                          bucket = "acme-web-assets"
                        }
                        ```
                        """);
    }
}
