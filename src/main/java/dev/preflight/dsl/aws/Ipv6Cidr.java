package dev.preflight.dsl.aws;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An IPv6 CIDR block, parsed from any textual form (compressed {@code ::}, leading zeros, embedded IPv4), so that
 * rules compare ranges rather than strings: {@code 0:0::/0} and {@code ::/0} are the same default route.
 *
 * <pre>{@code
 * boolean nat64 = Ipv6Cidr.parse("64:ff9b::/96").orElseThrow().equals(Ipv6Cidr.NAT64);
 * }</pre>
 */
public record Ipv6Cidr(BigInteger address, int prefixLength) {
    private static final BigInteger ALL_ONES = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** The NAT64 well-known prefix, the only IPv6 range a NAT gateway can be the next hop for. */
    public static final Ipv6Cidr NAT64 = parse("64:ff9b::/96").orElseThrow();

    /** The block written as {@code text}, or empty when it is not an IPv6 CIDR. */
    public static Optional<Ipv6Cidr> parse(String text) {
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
        if (prefix < 0 || prefix > 128) {
            return Optional.empty();
        }
        return parseAddress(s.substring(0, slash)).map(a -> new Ipv6Cidr(a.and(mask(prefix)), prefix));
    }

    private static BigInteger mask(int prefix) {
        return prefix == 0 ? BigInteger.ZERO : ALL_ONES.shiftRight(128 - prefix).shiftLeft(128 - prefix);
    }

    /** The 128-bit value of an IPv6 address, or empty when it is malformed. */
    static Optional<BigInteger> parseAddress(String text) {
        if (text.isEmpty() || !text.contains(":")) {
            return Optional.empty();
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return Optional.empty();
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        if (headGroups == null || tailGroups == null) {
            return Optional.empty();
        }
        int written = headGroups.length + tailGroups.length;
        if ((doubleColon < 0 && written != 8) || (doubleColon >= 0 && written > 7)) {
            return Optional.empty();
        }
        int[] all = new int[8];
        System.arraycopy(headGroups, 0, all, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
        BigInteger value = BigInteger.ZERO;
        for (int g : all) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(g));
        }
        return Optional.of(value);
    }

    /** 16-bit groups of one side of {@code ::}; a trailing dotted IPv4 counts as two groups. Null when malformed. */
    private static int[] groups(String side) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        boolean v4Tail = parts[parts.length - 1].contains(".");
        int[] out = new int[parts.length + (v4Tail ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && v4Tail) {
                Optional<Long> v4 = Ipv4Cidr.parseAddress(p);
                if (v4.isEmpty()) {
                    return null;
                }
                out[i] = (int) (v4.get() >> 16);
                out[i + 1] = (int) (v4.get() & 0xffff);
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            try {
                out[i] = Integer.parseInt(p, 16);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    /** Whether every address of {@code other} is in this block. */
    public boolean contains(Ipv6Cidr other) {
        return other.prefixLength >= prefixLength && other.address.and(mask(prefixLength)).equals(address);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 7; i >= 0; i--) {
            sb.append(address.shiftRight(i * 16).and(BigInteger.valueOf(0xffff)).toString(16));
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb + "/" + prefixLength;
    }
}
