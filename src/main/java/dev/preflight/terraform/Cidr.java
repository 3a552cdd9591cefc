package dev.preflight.terraform;

import dev.preflight.source.Span;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** {@code cidrsubnet} and {@code cidrhost} for IPv4 and IPv6, computed exactly as Terraform does. */
final class Cidr {
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private Cidr() {
    }

    /** The address bits, prefix length and width (32 or 128) of {@code cidr}. */
    record Block(BigInteger address, int prefix, int width) {
        static Block parse(String cidr, Span span) {
            int slash = cidr.indexOf('/');
            if (slash < 0) {
                throw new EvalException(span, "\"" + cidr + "\" is not a CIDR block");
            }
            String ip = cidr.substring(0, slash);
            // only literals: InetAddress would otherwise try a DNS lookup of a host name
            if (!ADDRESS_LITERAL.matcher(ip).matches()) {
                throw new EvalException(span, "\"" + cidr + "\" is not a CIDR block");
            }
            try {
                byte[] bytes = InetAddress.getByName(ip).getAddress();
                int prefix = Integer.parseInt(cidr.substring(slash + 1));
                int width = bytes.length * 8;
                if (prefix < 0 || prefix > width) {
                    throw new EvalException(span, "prefix length out of range in \"" + cidr + "\"");
                }
                return new Block(new BigInteger(1, bytes), prefix, width);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new EvalException(span, "\"" + cidr + "\" is not a CIDR block");
            }
        }

        BigInteger networkAddress() {
            BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
            BigInteger hostBits = BigInteger.ONE.shiftLeft(width - prefix).subtract(BigInteger.ONE);
            return address.and(all.xor(hostBits));
        }

        String render(BigInteger addr, int length) {
            byte[] raw = addr.toByteArray();
            byte[] bytes = new byte[width / 8];
            int copy = Math.min(raw.length, bytes.length);
            System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
            try {
                String text = InetAddress.getByAddress(bytes).getHostAddress();
                if (width == 128) {
                    text = compressIpv6(text);
                }
                return length < 0 ? text : text + "/" + length;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String subnet(String cidr, int newBits, BigInteger netNum, Span span) {
        Block b = Block.parse(cidr, span);
        int newPrefix = b.prefix() + newBits;
        if (newBits < 0 || newPrefix > b.width()) {
            throw new EvalException(span, "cidrsubnet(): not enough bits to add " + newBits);
        }
        if (netNum.signum() < 0 || netNum.bitLength() > newBits) {
            throw new EvalException(span, "cidrsubnet(): netnum " + netNum + " does not fit in " + newBits + " bits");
        }
        BigInteger addr = b.networkAddress().or(netNum.shiftLeft(b.width() - newPrefix));
        return b.render(addr, newPrefix);
    }

    static String host(String cidr, BigInteger hostNum, Span span) {
        Block b = Block.parse(cidr, span);
        int hostBits = b.width() - b.prefix();
        BigInteger size = BigInteger.ONE.shiftLeft(hostBits);
        BigInteger n = hostNum.signum() < 0 ? size.add(hostNum) : hostNum;
        if (n.signum() < 0 || n.compareTo(size) >= 0) {
            throw new EvalException(span, "cidrhost(): host number out of range");
        }
        return b.render(b.networkAddress().or(n), -1);
    }

    /** Java prints {@code 2001:db8:0:0:0:0:0:0}; Terraform (Go) prints the RFC 5952 form {@code 2001:db8::}. */
    static String compressIpv6(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bestStart; i++) {
            sb.append(i > 0 ? ":" : "").append(groups[i]);
        }
        sb.append("::");
        for (int i = bestStart + bestLen; i < groups.length; i++) {
            sb.append(groups[i]).append(i < groups.length - 1 ? ":" : "");
        }
        return sb.toString();
    }
}
