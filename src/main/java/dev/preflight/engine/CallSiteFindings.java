package dev.preflight.engine;

import dev.preflight.dsl.Evidence;
import dev.preflight.dsl.Finding;
import dev.preflight.terraform.CallSites;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves findings made in installed module code (under {@code .terraform/modules}) to the module call in the user's
 * code, where a fix or a suppression can go (a finding already at a value the user wrote stays there). The message keeps naming the module's resource; where it is really
 * written becomes {@link Evidence.Role#DEFINITION} evidence. The fingerprint does not change when only the module's
 * lines move: it never holds a line, and the file is the caller's.
 */
final class CallSiteFindings {
    private CallSiteFindings() {
    }

    static List<Finding> place(List<Finding> findings, CallSites sites) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Optional<CallSites.Placement> p = f.span() == null ? Optional.empty()
                    : sites.place(f.span(), f.resource(), f.propertyPath());
            out.add(p.isPresent() ? placed(f, p.get()) : f);
        }
        return out;
    }

    private static Finding placed(Finding f, CallSites.Placement p) {
        String what = f.resource() != null ? f.resource() : p.call();
        String message = f.message().contains(what) ? f.message() : f.message() + " (" + what + ")";
        List<Evidence> evidence = new ArrayList<>(f.evidence());
        evidence.add(new Evidence(p.definition(), what + " is written here, in " + p.installed() + " (called as "
                + p.call() + ")", Evidence.Role.DEFINITION));
        return new Finding(f.ruleId(), f.severity(), message, p.at(), f.resource(), f.propertyPath(), f.value(),
                f.fixHint(), evidence);
    }
}
