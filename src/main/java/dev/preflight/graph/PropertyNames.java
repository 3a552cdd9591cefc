package dev.preflight.graph;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One spelling for property names across formats: Terraform's {@code snake_case}, CloudFormation's
 * {@code PascalCase} and container definitions' {@code camelCase} all compare equal once lower-cased with
 * underscores and dashes removed. True renames (Terraform {@code subnet_mapping} blocks vs CloudFormation
 * {@code SubnetMappings}) are handled by {@link ResourceTypes}' alias tables at load time.
 *
 * <pre>{@code
 * PropertyNames.same("SubnetId", "subnet_id")   // true
 * }</pre>
 */
public final class PropertyNames {
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private PropertyNames() {
    }

    public static String canonical(String name) {
        String cached = CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-') {
                sb.append(Character.toLowerCase(c));
            }
        }
        String result = sb.toString();
        if (CACHE.size() < 100_000) {
            CACHE.put(name, result);
        }
        return result;
    }

    public static boolean same(String a, String b) {
        return canonical(a).equals(canonical(b));
    }
}
