package dev.preflight.dsl.aws;

import static dev.preflight.dsl.TestGraph.ref;
import static dev.preflight.dsl.TestGraph.str;
import static dev.preflight.dsl.TestGraph.template;
import static dev.preflight.dsl.TestGraph.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.dsl.TestGraph;
import dev.preflight.dsl.Truth;
import dev.preflight.graph.Kind;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueParsersTest {
    @ParameterizedTest
    @CsvSource({
            "::/0, false", "0::/0, false", "0:0:0:0:0:0:0:0/0, false", "2001:db8::/32, false",
            "64:ff9b::/96, true", "0064:FF9B:0000::/96, true", "64:ff9b::/120, true", "64:ff9b::/64, false",
            "64:ff9b::1.2.3.4/128, true", "64:ff9c::/96, false"})
    void ipv6BlocksAreComparedAsRanges(String cidr, boolean insideNat64) {
        assertEquals(insideNat64, Ipv6Cidr.NAT64.contains(Ipv6Cidr.parse(cidr).orElseThrow()));
    }

    @ParameterizedTest
    @CsvSource({"::/129", "1:2:3/0", "1::2::3/64", "g::/0", "::", "0.0.0.0/0", "12345::/16"})
    void malformedIpv6BlocksAreNotParsed(String text) {
        assertTrue(Ipv6Cidr.parse(text).isEmpty());
    }

    @Test
    void ipv4BlocksTellPrivateFromDefault() {
        assertTrue(Ipv4Cidr.parse("0.0.0.0/0").orElseThrow().isDefaultRoute());
        assertTrue(Ipv4Cidr.parse("10.1.0.0/16").orElseThrow().isPrivate());
        assertTrue(Ipv4Cidr.parse("172.20.0.0/16").orElseThrow().isPrivate());
        assertFalse(Ipv4Cidr.parse("52.0.0.0/8").orElseThrow().isPrivate());
        assertFalse(Ipv4Cidr.parse("172.0.0.0/8").orElseThrow().isPrivate());
        assertTrue(Ipv4Cidr.parse("10.0.0.256/8").isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
            "vpc-0123abcd, true", "vpc-0123456789abcdef0, true", "vpc-8e6792c23ea07abf, false",
            "vpc-0123ABCD, false", "192.168.1.0/24, false", "vpc-, false", "subnet-0123abcd, false"})
    void vpcIdsHave8Or17HexDigits(String id, boolean wellFormed) {
        assertEquals(wellFormed, AwsIds.VPC.isWellFormed(id));
    }

    private static final ResourceGraph REPO = TestGraph.terraform()
            .add("aws_ecr_repository.app", Kind.ECR_REPOSITORY, "name", "app")
            .add("aws_s3_bucket.b", Kind.OTHER, "bucket", "b")
            .build();

    private static ImageReference image(Value v) {
        return ImageReference.of(v, REPO);
    }

    @ParameterizedTest
    @CsvSource({
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2, TRUE, TRUE",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app, TRUE, FALSE",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:latest, TRUE, FALSE",
            "123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/app@sha256:abcd, TRUE, TRUE",
            "nginx, FALSE, FALSE",
            "nginx:latest, FALSE, FALSE",
            "nginx:1.27, FALSE, TRUE",
            "registry.example.com:5000/img, FALSE, FALSE",
            "registry.example.com:5000/img:2, FALSE, TRUE",
            "public.ecr.aws/nginx/nginx:1.27, FALSE, TRUE",
            "ghcr.io/org/app@sha256:0123, FALSE, TRUE"})
    void literalImageReferences(String text, Truth fromEcr, Truth pinned) {
        assertEquals(fromEcr, image(str(text)).fromEcr());
        assertEquals(pinned, image(str(text)).pinned());
    }

    @Test
    void partlyKnownImageReferences() {
        Value repoUrl = ref("aws_ecr_repository.app", "repository_url");
        assertEquals(Truth.TRUE, image(repoUrl).fromEcr());
        assertEquals(Truth.FALSE, image(repoUrl).pinned());
        assertEquals(Truth.FALSE, image(template(repoUrl, ":latest")).pinned());
        assertEquals(Truth.UNKNOWN, image(template(repoUrl, ":", unknown())).pinned());
        assertEquals(Truth.TRUE, image(template(repoUrl, ":1.0")).pinned());
        // CloudFormation !Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:v1
        Value sub = template(unknown(), ".dkr.ecr.", unknown(), ".amazonaws.com/app:v1");
        assertEquals(Truth.TRUE, image(sub).fromEcr());
        assertEquals(Truth.TRUE, image(sub).pinned());
        assertEquals(Truth.UNKNOWN, image(unknown()).fromEcr());
        assertEquals(Truth.UNKNOWN, image(template(unknown())).pinned());
        assertEquals(Truth.UNKNOWN, image(template(unknown(), "/app")).fromEcr());
        assertEquals(Truth.FALSE, image(template(unknown(), "/app")).pinned());
        assertEquals(Truth.FALSE, image(template(unknown(), ":latest")).pinned());
        assertEquals(Truth.UNKNOWN, image(ref("aws_s3_bucket.b", "arn")).pinned());
    }
}
