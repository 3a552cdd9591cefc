package com.acme.preflight;

import dev.preflight.dsl.DeclaredKind;

/** The resource types Acme's rules read that preflight has no built-in kind for. */
public final class AcmeKinds {
    /**
     * S3 buckets in both formats. The name is {@code bucket} in Terraform and {@code BucketName} in CloudFormation:
     * declared once here, rules read it as {@code bucket} whichever format wrote it.
     */
    public static final DeclaredKind S3_BUCKET = DeclaredKind.named("S3_BUCKET")
            .terraform("aws_s3_bucket")
            .cloudFormation("AWS::S3::Bucket")
            .property("bucket", "bucket", "BucketName");

    private AcmeKinds() {
    }
}
