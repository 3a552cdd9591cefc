package dev.preflight.dsl.aws;

import java.util.List;
import java.util.Optional;

/**
 * An IPv4 CIDR block, for telling a default route from a route to a private range.
 *
 * <pre>{@code
 * Optional<Ipv4Cidr> cidr = Ipv4Cidr.parse("10.0.1.0/24");
 * }</pre>
 */
public record Ipv4Cidr(long address, int prefixLength) {
    /** Ranges that never hold a public AWS endpoint: RFC 1918 and the shared address space (RFC 6598). */
    private static final List<Ipv4Cidr> PRIVATE = List.of(
            parse("10.0.0.0/8").orElseThrow(), parse("172.16.0.0/12").orElseThrow(),
            parse("192.168.0.0/16").orElseThrow(), parse("100.64.0.0/10").orElseThrow());

    /** The block written as {@code text}, or empty when it is not an IPv4 CIDR. */
    public static Optional<Ipv4Cidr> parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        int prefix;
        try {
            prefix = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (prefix < 0 || prefix > 32) {
            return Optional.empty();
        }
        return parseAddress(s.substring(0, slash)).map(a -> new Ipv4Cidr(a & mask(prefix), prefix));
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    /** A dotted-quad address as an unsigned 32-bit number, or empty. */
    static Optional<Long> parseAddress(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(value);
    }

    /** The default route {@code 0.0.0.0/0}. */
    public boolean isDefaultRoute() {
        return prefixLength == 0;
    }

    /** Whether every address of {@code other} is in this block. */
    public boolean contains(Ipv4Cidr other) {
        return other.prefixLength >= prefixLength && (other.address & mask(prefixLength)) == address;
    }

    /** Whether the two blocks share an address. */
    public boolean overlaps(Ipv4Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The block as written in CIDR notation. */
    public String text() {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255) + "/" + prefixLength;
    }

    /** Whether the whole block is private address space, where no public AWS endpoint (such as ECR) lives. */
    public boolean isPrivate() {
        return PRIVATE.stream().anyMatch(p -> p.contains(this));
    }
}
