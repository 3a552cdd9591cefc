package dev.preflight.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflight.engine.RuleRegistry;
import org.junit.jupiter.api.Test;

/** explain shows where and when a dated rule's facts were read, so that a user sees how fresh they are. */
class ExplainCommandTest {
    private static String explain(String id) {
        return ExplainCommand.explain(RuleRegistry.discover(), id).orElseThrow();
    }

    @Test
    void aDatedRuleShowsItsSourceAndReadDate() {
        String text = explain("lambda-runtime-create-blocked");
        assertTrue(text.contains("facts:    Lambda runtime deprecation schedule, read 2026-06-02 from "
                + "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html\n"), text);
        assertTrue(explain("eks-extended-support-version").contains("facts:    EKS Kubernetes release calendar, read "
                + "2025-10-02"));
    }

    @Test
    void aRuleWithoutATableShowsNoFactsLine() {
        assertFalse(explain("ecr-tag-mutable").contains("facts:"));
    }
}
