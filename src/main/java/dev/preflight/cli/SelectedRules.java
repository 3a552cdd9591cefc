package dev.preflight.cli;

import dev.preflight.dsl.Rule;
import dev.preflight.engine.RuleRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The registry's rules that a scan runs: those enabled (all when {@code enabled} is null) and not disabled. Worked
 * out when the scanner asks, so that the registry can be built while the inputs load.
 */
final class SelectedRules implements Supplier<List<Rule>> {
    private final Supplier<RuleRegistry> registry;
    private final List<String> enabled;
    private final Set<String> disabled;

    SelectedRules(Supplier<RuleRegistry> registry, List<String> enabled, Set<String> disabled) {
        this.registry = registry;
        this.enabled = enabled;
        this.disabled = disabled;
    }

    @Override
    public List<Rule> get() {
        List<Rule> rules = new ArrayList<>();
        for (Rule r : registry.get().rules()) {
            String id = r.info().id();
            if ((enabled == null || enabled.contains(id)) && !disabled.contains(id)) {
                rules.add(r);
            }
        }
        return rules;
    }
}
