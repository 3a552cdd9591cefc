package dev.preflight.terraform.oracle;

import java.util.ArrayList;
import java.util.List;

/** How far preflight's evaluator agrees with Terraform: the figures the differential test prints. */
final class Agreement {
    int fixturesPlanned;
    final List<String> fixturesNotPlanned = new ArrayList<>();
    int terraformAddresses;
    int addressesMatched;
    /** Terraform instances preflight did not expand (its count/for_each was unknown to preflight). */
    int addressesLeftUnexpanded;
    /** Of the matched addresses, those inside a module (local or installed), and the scalars compared on them. */
    int moduleAddressesMatched;
    int moduleValuesCompared;
    /** Scalars both sides know. */
    int valuesCompared;
    int valuesEqual;
    /** Values Terraform knows and preflight holds as unknown, a reference or a partly known template. */
    int valuesLeftUnknown;
    final List<String> contradictions = new ArrayList<>();
    /** Where preflight left a value unknown, and why: printed with -Doracle.verbose=true. */
    final List<String> unknowns = new ArrayList<>();

    void contradiction(String where, String what) {
        contradictions.add(where + ": " + what);
    }

    String report() {
        StringBuilder sb = new StringBuilder("== Terraform oracle: preflight's evaluator against terraform plan\n");
        sb.append(String.format("fixtures planned:            %d (not planned offline: %d)%n", fixturesPlanned,
                fixturesNotPlanned.size()));
        sb.append(String.format("addresses (Terraform):       %d, matched %d, left unexpanded by preflight %d%n",
                terraformAddresses, addressesMatched, addressesLeftUnexpanded));
        sb.append(String.format("known values compared:       %d, equal %d%n", valuesCompared, valuesEqual));
        sb.append(String.format("  of which in modules:       %d addresses matched, %d values compared%n",
                moduleAddressesMatched, moduleValuesCompared));
        sb.append(String.format("values preflight left unknown: %d%n", valuesLeftUnknown));
        sb.append(String.format("contradictions:              %d%n", contradictions.size()));
        fixturesNotPlanned.forEach(f -> sb.append("  not planned: ").append(f).append('\n'));
        contradictions.forEach(c -> sb.append("  CONTRADICTION ").append(c).append('\n'));
        if (Boolean.getBoolean("oracle.verbose")) {
            unknowns.forEach(u -> sb.append("  unknown to preflight: ").append(u).append('\n'));
        }
        return sb.toString();
    }
}
