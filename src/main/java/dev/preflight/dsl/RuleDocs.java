package dev.preflight.dsl;

/**
 * Text every rule's documentation shares, so that it is written once and stays the same across rules.
 *
 * <pre>{@code
 * rule("acme-x").doc("# acme-x\n\nWhat it checks, bad and good examples.\n\n" + RuleDocs.suppression("acme-x"))
 * }</pre>
 */
public final class RuleDocs {
    private RuleDocs() {
    }

    /** The "how to suppress" section for rule {@code id}, in both formats. */
    public static String suppression(String id) {
        return """
                ## Suppressing

                When the finding is intended, say so next to it, with a reason. In Terraform, put a comment on the line \
                before the resource or attribute, or at the end of the line:

                ```hcl
                # preflight:ignore {id} the reason it is fine here
                ```

                In CloudFormation, use the resource's metadata:

                ```yaml
                Metadata:
                  preflight:
                    ignore:
                      - id: {id}
                        reason: the reason it is fine here
                ```
                """.replace("{id}", id); // not formatted(): Formatter's first use is a cold-start cost
    }
}
