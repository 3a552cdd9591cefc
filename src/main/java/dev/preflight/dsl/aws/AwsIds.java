package dev.preflight.dsl.aws;

import java.util.regex.Pattern;

/**
 * The shape of EC2 resource ids: a prefix, a dash, and 8 (before 2016) or 17 lowercase hex digits. AWS documents
 * "letters and numbers"; every observed id is lowercase hex, and the API rejects other shapes as malformed.
 *
 * <pre>{@code
 * resources().should(WellFormedIds.haveWellFormed(AwsIds.VPC, AwsIds.SUBNET))
 * String prefix = AwsIds.SECURITY_GROUP.prefix();   // "sg"
 * }</pre>
 */
public enum AwsIds {
    VPC("vpc", "VPC"),
    SUBNET("subnet", "subnet"),
    SECURITY_GROUP("sg", "security group"),
    ROUTE_TABLE("rtb", "route table"),
    NAT_GATEWAY("nat", "NAT gateway"),
    INTERNET_GATEWAY("igw", "internet gateway");

    private final String prefix;
    private final String noun;
    private final Pattern shape;

    AwsIds(String prefix, String noun) {
        this.prefix = prefix;
        this.noun = noun;
        this.shape = Pattern.compile(prefix + "-([0-9a-f]{8}|[0-9a-f]{17})");
    }

    /** Whether {@code id} is a well-formed id of this type. */
    public boolean isWellFormed(String id) {
        return shape.matcher(id).matches();
    }

    /** {@code vpc}, {@code subnet}, ... */
    public String prefix() {
        return prefix;
    }

    /** What a user calls it: "security group". */
    public String noun() {
        return noun;
    }

    /** The form AWS asks for, for messages: {@code vpc-xxxxxxxxxxxxxxxxx}. */
    public String expectedForm() {
        return prefix + "- followed by 8 or 17 lowercase hex digits";
    }
}
