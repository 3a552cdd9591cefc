package dev.preflight.cloudformation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code Fn::Cidr} for IPv4: {@code count} consecutive blocks of {@code 32 - cidrBits} prefix length carved from
 * the start of {@code ipBlock}. IPv6 blocks are left unknown (they are almost always {@code !GetAtt}ed anyway).
 */
final class CidrCalculator {
    private CidrCalculator() {
    }

    /** The blocks, or empty when the input is not an IPv4 CIDR or the blocks do not fit in it. */
    static Optional<List<String>> subnets(String ipBlock, int count, int cidrBits) {
        String[] parts = ipBlock.trim().split("/");
        if (parts.length != 2 || count < 1 || count > 256 || cidrBits < 0 || cidrBits > 32) {
            return Optional.empty();
        }
        Optional<Long> base = address(parts[0]);
        int prefix;
        try {
            prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        int newPrefix = 32 - cidrBits;
        if (base.isEmpty() || prefix < 0 || prefix > 32 || newPrefix < prefix
                || (long) count > (1L << (newPrefix - prefix))) {
            return Optional.empty();
        }
        long network = base.get() & (prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL);
        long size = 1L << cidrBits;
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blocks.add(format(network + i * size) + "/" + newPrefix);
        }
        return Optional.of(blocks);
    }

    private static Optional<Long> address(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String octet : octets) {
            if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
                return Optional.empty();
            }
            value = (value << 8) | Integer.parseInt(octet);
        }
        return Optional.of(value);
    }

    private static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }
}
