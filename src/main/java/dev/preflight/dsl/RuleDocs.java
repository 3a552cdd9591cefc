package dev.preflight.dsl;

/** Text every rule's documentation shares, so that it is written once and stays the same across rules. */
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
                # preflight:ignore %1$s the reason it is fine here
                ```

                In CloudFormation, use the resource's metadata:

                ```yaml
                Metadata:
                  preflight:
                    ignore:
                      - id: %1$s
                        reason: the reason it is fine here
                ```
                """.formatted(id);
    }
}
