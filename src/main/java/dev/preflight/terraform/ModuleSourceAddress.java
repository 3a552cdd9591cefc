package dev.preflight.terraform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module call's {@code source} in the form {@code terraform init} records it in {@code modules.json}, so that a
 * call can be checked against what was installed: registry addresses get their host
 * ({@code terraform-aws-modules/vpc/aws} is {@code registry.terraform.io/terraform-aws-modules/vpc/aws}), GitHub
 * shorthands become the git URL they stand for, anything else is compared as written. A form not normalised here
 * reads as "source changed", which leaves the module unknown: never a wrong module.
 */
final class ModuleSourceAddress {
    static final String DEFAULT_REGISTRY = "registry.terraform.io";
    /** {@code [host/]namespace/name/system[//subdir]}: names of letters, digits, dashes and underscores. */
    private static final Pattern REGISTRY = Pattern.compile(
            "(?:([a-zA-Z0-9.-]+\\.[a-zA-Z0-9-]+(?::\\d+)?)/)?([a-zA-Z0-9][a-zA-Z0-9_-]*)/([a-zA-Z0-9][a-zA-Z0-9_-]*)"
                    + "/([a-zA-Z0-9]+)(//.*)?");
    private static final Pattern GITHUB_SHORTHAND = Pattern.compile("github\\.com/([^/]+)/([^/?]+?)(\\.git)?(//[^?]*)?"
            + "(\\?.*)?");
    private static final Pattern GITHUB_SSH = Pattern.compile("git@github\\.com:([^/]+)/([^/?]+?)(\\.git)?(//[^?]*)?"
            + "(\\?.*)?");

    private ModuleSourceAddress() {
    }

    /** True for {@code ./x} and {@code ../x}: a directory of the configuration itself, not installed code. */
    static boolean isLocal(String source) {
        return source.startsWith("./") || source.startsWith("../");
    }

    /** True for a registry address, whose call must give the version it was installed with. */
    static boolean isRegistry(String source) {
        Matcher m = REGISTRY.matcher(source);
        return m.matches() && !source.startsWith("github.com/") && !source.startsWith("bitbucket.org/");
    }

    /** {@code source} as {@code modules.json} records it. */
    static String normalized(String source) {
        String s = source.strip();
        if (isLocal(s)) {
            return s;
        }
        Matcher gh = GITHUB_SHORTHAND.matcher(s);
        if (gh.matches()) {
            return "git::https://github.com/" + gh.group(1) + "/" + gh.group(2) + ".git" + nullToEmpty(gh.group(4))
                    + nullToEmpty(gh.group(5));
        }
        Matcher ssh = GITHUB_SSH.matcher(s);
        if (ssh.matches()) {
            return "git::ssh://git@github.com/" + ssh.group(1) + "/" + ssh.group(2) + ".git"
                    + nullToEmpty(ssh.group(4)) + nullToEmpty(ssh.group(5));
        }
        Matcher r = REGISTRY.matcher(s);
        if (isRegistry(s) && r.matches()) {
            String host = r.group(1) == null ? DEFAULT_REGISTRY : r.group(1).toLowerCase(java.util.Locale.ROOT);
            return host + "/" + r.group(2) + "/" + r.group(3) + "/" + r.group(4) + nullToEmpty(r.group(5));
        }
        return s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
