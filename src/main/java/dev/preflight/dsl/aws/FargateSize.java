package dev.preflight.dsl.aws;

import dev.preflight.dsl.Known;
import dev.preflight.dsl.Values;
import dev.preflight.graph.ResourceGraph;
import dev.preflight.graph.Value;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task sizes as Fargate reads them (aws-facts.md §1): cpu in CPU units ({@code "1024"}) or vCPU ({@code "1 vCPU"},
 * {@code ".25 vcpu"}), memory in MiB ({@code "2048"}) or GB ({@code "2 GB"}), and the table of valid pairs.
 *
 * <pre>{@code
 * Known<Long> cpu = FargateSize.cpuUnits(task.property("cpu").orElseThrow(), graph);   // "0.25 vCPU" or 256
 * boolean ok = FargateSize.valid(256, 512);
 * }</pre>
 */
public final class FargateSize {
    private static final Pattern AMOUNT = Pattern.compile("\\s*(\\d*\\.?\\d+)\\s*([a-z]*)\\s*");

    private FargateSize() {
    }

    /** Task cpu in CPU units; unknown when not a known amount in a form Fargate accepts. */
    public static Known<Long> cpuUnits(Value value, ResourceGraph graph) {
        return amount(value, graph, "vcpu");
    }

    /** Task or container memory in MiB; unknown when not a known amount in a form Fargate accepts. */
    public static Known<Long> memoryMiB(Value value, ResourceGraph graph) {
        return amount(value, graph, "gb");
    }

    /** A plain number, or a number with {@code unit} meaning 1024 of the plain unit. */
    private static Known<Long> amount(Value value, ResourceGraph graph, String unit) {
        Optional<String> text = Values.resolvedString(value, graph);
        if (text.isEmpty()) {
            return Known.unknown(Values.show(value) + " is not known");
        }
        Matcher m = AMOUNT.matcher(text.get().toLowerCase(Locale.ROOT));
        if (!m.matches() || !(m.group(2).isEmpty() || m.group(2).equals(unit))) {
            return Known.unknown(text.get() + " is not an amount preflight reads");
        }
        BigDecimal n = new BigDecimal(m.group(1));
        if (!m.group(2).isEmpty()) {
            n = n.multiply(BigDecimal.valueOf(1024));
        }
        try {
            return Known.of(n.longValueExact());
        } catch (ArithmeticException e) {
            return Known.unknown(text.get() + " is not a whole number of units");
        }
    }

    /** Whether Fargate has a configuration with {@code cpu} units and {@code memory} MiB. */
    public static boolean valid(long cpu, long memory) {
        return switch ((int) Math.min(cpu, Integer.MAX_VALUE)) {
            case 256 -> memory == 512 || memory == 1024 || memory == 2048;
            case 512 -> inSteps(memory, 1024, 4096, 1024);
            case 1024 -> inSteps(memory, 2048, 8192, 1024);
            case 2048 -> inSteps(memory, 4096, 16384, 1024);
            case 4096 -> inSteps(memory, 8192, 30720, 1024);
            case 8192 -> inSteps(memory, 16384, 61440, 4096);
            case 16384 -> inSteps(memory, 32768, 122880, 8192);
            default -> false;
        };
    }

    /** Whether {@code cpu} is one of the task cpu values Fargate offers. */
    public static boolean validCpu(long cpu) {
        return cpu == 256 || cpu == 512 || cpu == 1024 || cpu == 2048 || cpu == 4096 || cpu == 8192 || cpu == 16384;
    }

    /** The memory Fargate allows with {@code cpu} units, for messages. */
    public static String allowedMemory(long cpu) {
        return switch ((int) cpu) {
            case 256 -> "512, 1024 or 2048 MiB";
            case 512 -> "1024 to 4096 MiB in 1024 MiB steps";
            case 1024 -> "2048 to 8192 MiB in 1024 MiB steps";
            case 2048 -> "4096 to 16384 MiB in 1024 MiB steps";
            case 4096 -> "8192 to 30720 MiB in 1024 MiB steps";
            case 8192 -> "16384 to 61440 MiB in 4096 MiB steps";
            case 16384 -> "32768 to 122880 MiB in 8192 MiB steps";
            default -> "no memory: the cpu must be 256, 512, 1024, 2048, 4096, 8192 or 16384";
        };
    }

    private static boolean inSteps(long memory, long min, long max, long step) {
        return memory >= min && memory <= max && (memory - min) % step == 0;
    }
}
