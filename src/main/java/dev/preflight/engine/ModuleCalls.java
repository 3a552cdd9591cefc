package dev.preflight.engine;

import dev.preflight.terraform.ModuleCallStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Counts the module calls of a scan into a {@link ModuleCoverage}. */
final class ModuleCalls {
    private ModuleCalls() {
    }

    /** The coverage of the calls whose user-side call site is in a file that {@code inScope} accepts. */
    static ModuleCoverage count(List<ModuleCallStatus> calls, Predicate<String> inScope) {
        int loaded = 0;
        Map<ModuleCallStatus.Reason, Integer> unknown = new TreeMap<>();
        for (ModuleCallStatus c : calls) {
            if (!inScope.test(c.reportedAt().file())) {
                continue;
            }
            if (c.loaded()) {
                loaded++;
            } else {
                unknown.merge(c.reason(), 1, Integer::sum);
            }
        }
        List<ModuleCoverage.NotChecked> notChecked = new ArrayList<>();
        unknown.forEach((r, n) -> notChecked.add(new ModuleCoverage.NotChecked(r.id(), r.text(), n)));
        return new ModuleCoverage(loaded, notChecked);
    }
}
