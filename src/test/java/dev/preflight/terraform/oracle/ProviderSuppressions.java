package dev.preflight.terraform.oracle;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Arguments the AWS provider drops from the plan by design although the configuration sets them, so that
 * Terraform plans null where preflight rightly holds the written value: not a disagreement about what the
 * configuration says. Each entry names the provider's reason.
 */
final class ProviderSuppressions {
    /** Where (the oracle's "fixture address.attribute") the provider plans null whatever is written. */
    private static final List<Pattern> SUPPRESSED = List.of(
            // aws_lb: DiffSuppressFunc suppressIfLBType(application): cross-zone load balancing is always on for
            // an ALB and the argument is ignored (planned null); for other types it defaults to false, never null
            Pattern.compile("(^|[ .])aws_lb\\.[^ ]*\\.enable_cross_zone_load_balancing$"));

    private ProviderSuppressions() {
    }

    static boolean ignores(String where) {
        for (Pattern p : SUPPRESSED) {
            if (p.matcher(where).find()) {
                return true;
            }
        }
        return false;
    }
}
