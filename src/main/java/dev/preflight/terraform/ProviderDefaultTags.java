package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.terraform.syntax.Attribute;
import dev.preflight.terraform.syntax.Block;
import dev.preflight.terraform.syntax.Expression;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tags the AWS provider's {@code default_tags} adds to the resources of one module instance, as Terraform
 * decides which provider configuration a resource uses: a {@code provider "aws"} block of the module (with
 * {@code alias} for {@code provider = aws.west}), else the caller's, passed down implicitly for the default
 * configuration or through the module call's {@code providers} map. A root module without a provider block uses an
 * empty configuration: no default tags. Rules read the result through {@code Tags}.
 */
final class ProviderDefaultTags {
    /** Marks "no default tags" in the cache, which null cannot. */
    private static final Value NONE = new Value.Null(null);

    private final ModuleDefinition def;
    private final Evaluator evaluator;
    /** The calling instance's tags and the module block that calls this one; null for a root module. */
    private final ProviderDefaultTags caller;
    private final Block call;
    private final Map<String, Value> byProvider = new HashMap<>();

    ProviderDefaultTags(ModuleDefinition def, Evaluator evaluator, ProviderDefaultTags caller, Block call) {
        this.def = def;
        this.evaluator = evaluator;
        this.caller = caller;
        this.call = call;
    }

    /**
     * The default tags of the provider configuration {@code key} ({@code aws} or {@code aws.ALIAS}): a map, an
     * Unknown when they cannot be known, or null when the configuration adds none.
     */
    Value of(String key) {
        Value v = byProvider.get(key);
        if (v == null) {
            v = find(key);
            byProvider.put(key, v == null ? NONE : v);
        }
        return v == NONE ? null : v;
    }

    private Value find(String key) {
        for (Block p : def.providers) {
            if (p.labels().size() == 1 && key.equals(keyOf(p))) {
                return tagsOf(p);
            }
        }
        if (caller == null) {
            return null;
        }
        Optional<Attribute> passed = call.body().attribute("providers");
        if (passed.isEmpty()) {
            // the default configurations are inherited; an aliased one must be passed explicitly
            return key.indexOf('.') < 0 ? caller.of(key)
                    : new Value.Unknown("provider " + key + " is not passed to the module", call.span());
        }
        if (passed.get().value() instanceof Expression.ObjectCons map) {
            for (Expression.ObjectCons.Item item : map.items()) {
                if (key.equals(name(item.key()))) {
                    String parentKey = name(item.value());
                    return parentKey == null ? new Value.Unknown("provider passed to the module is not known",
                            item.span()) : caller.of(parentKey);
                }
            }
        }
        return new Value.Unknown("provider " + key + " of the module is not known", passed.get().span());
    }

    /** {@code aws} or {@code aws.ALIAS} for a provider block; null when its alias is not a known string. */
    private String keyOf(Block provider) {
        Optional<Attribute> alias = provider.body().attribute("alias");
        if (alias.isEmpty()) {
            return provider.label(0);
        }
        Value v = evaluator.evaluate(alias.get().value(), Bindings.EMPTY);
        return v instanceof Value.Str s ? provider.label(0) + "." + s.value() : null;
    }

    private Value tagsOf(Block provider) {
        for (Block b : provider.body().blocks()) {
            if (b.type().equals("dynamic") && b.labels().size() == 1 && b.label(0).equals("default_tags")) {
                return new Value.Unknown("dynamic default_tags of provider " + provider.label(0), b.span());
            }
        }
        for (Block tags : provider.body().blocks("default_tags")) {
            Optional<Attribute> t = tags.body().attribute("tags");
            if (t.isPresent()) {
                Value v = evaluator.evaluate(t.get().value(), Bindings.EMPTY);
                return v instanceof Value.Null ? null : v.at(t.get().value().span());
            }
        }
        return null;
    }

    /** The provider a reference names: {@code aws} or {@code aws.west}; null for anything else. */
    static String name(Expression e) {
        if (e instanceof Expression.Variable v) {
            return v.name();
        }
        if (e instanceof Expression.GetAttr g && g.source() instanceof Expression.Variable v) {
            return v.name() + "." + g.name();
        }
        if (e instanceof Expression.Parens p) {
            return name(p.inner());
        }
        return null;
    }
}
