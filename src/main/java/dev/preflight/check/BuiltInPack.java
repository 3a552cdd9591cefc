package dev.preflight.check;

import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleSet;
import dev.preflight.engine.RuleRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * preflight's built-in rules, to check in a test: the whole pack, or one rule by id.
 *
 * <pre>{@code
 * BuiltInPack.all().check(infrastructure);
 * BuiltInPack.all().without("ecr-tag-mutable").check(infrastructure);
 * BuiltInPack.rule("alb-subnets-single-az").check(infrastructure);
 * }</pre>
 */
public final class BuiltInPack {
    private BuiltInPack() {
    }

    /** Every built-in rule, by id. */
    public static RuleSet all() {
        return RuleSet.of(builtIn().rules());
    }

    /** The built-in rule {@code id}; an {@link IllegalArgumentException} lists the ids when there is none. */
    public static Rule rule(String id) {
        return builtIn().find(id).orElseThrow(() -> {
            List<String> ids = new ArrayList<>();
            builtIn().rules().forEach(r -> ids.add(r.info().id()));
            return new IllegalArgumentException("no built-in rule '" + id + "'; the rules are " + ids);
        });
    }

    /**
     * The rules that come from preflight's own jar: a user's rules registered on the same class path (a rule
     * project's tests) are theirs, not the pack's. Built once.
     */
    private static RuleRegistry builtIn() {
        return Pack.REGISTRY;
    }

    private static final class Pack {
        static final RuleRegistry REGISTRY = load();

        private static RuleRegistry load() {
            Object home = locationOf(Rule.class);
            List<Rule> own = new ArrayList<>();
            for (Rule r : RuleRegistry.discover(BuiltInPack.class.getClassLoader()).rules()) {
                if (home != null && home.equals(locationOf(r.getClass()))) {
                    own.add(r);
                }
            }
            return RuleRegistry.of(own);
        }

        private static Object locationOf(Class<?> c) {
            var source = c.getProtectionDomain().getCodeSource();
            return source == null ? null : source.getLocation();
        }
    }
}
