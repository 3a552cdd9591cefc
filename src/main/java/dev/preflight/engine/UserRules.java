package dev.preflight.engine;

import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.rulefile.RuleFile;
import dev.preflight.rulefile.RuleFileException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * Loads users' rules: Java rules from rule jars, and declarative rules from rule files. A jar is code, so it is
 * loaded only from where the user chose it (the command line, or a config file the user is trusted to have written;
 * see the command line's config handling); a rule file is data and compiles into DSL objects.
 *
 * <p>Each jar gets a class loader of its own whose parent has preflight's classes, so a jar compiled against the
 * rule API runs on the command-line jar, two jars cannot clash on class names, and an error names its jar. The
 * classes are loaded at run time, never into the launcher's class-data archive, which holds preflight's own only.
 */
public final class UserRules {
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private UserRules() {
    }

    /** A jar or rule file to load: where it is, and how messages name it (as the user wrote it). */
    public record Source(Path path, String shownAs, boolean jar) {
        public static Source jar(Path path, String shownAs) {
            return new Source(path, shownAs, true);
        }

        public static Source ruleFile(Path path, String shownAs) {
            return new Source(path, shownAs, false);
        }
    }

    /** The rules of every source, in order. */
    public static List<UserRule> load(List<Source> sources) throws UserRuleException {
        List<UserRule> all = new ArrayList<>();
        for (Source s : sources) {
            all.addAll(s.jar() ? fromJar(s.path(), s.shownAs()) : fromRuleFile(s.path(), s.shownAs()));
        }
        return all;
    }

    /** The rules a jar registers in {@code META-INF/services/dev.preflight.dsl.Rule}. */
    public static List<UserRule> fromJar(Path jar, String shownAs) throws UserRuleException {
        if (!Files.isRegularFile(jar)) {
            throw new UserRuleException("rule jar " + shownAs + " does not exist");
        }
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // opened once to tell "not a jar" apart from "a jar with no rules"
        } catch (IOException e) {
            throw new UserRuleException("rule jar " + shownAs + " is not a jar: " + e.getMessage());
        }
        URLClassLoader loader = new URLClassLoader("preflight-rules:" + shownAs, new URL[] {url(jar)},
                Rule.class.getClassLoader());
        List<UserRule> rules = new ArrayList<>();
        Iterator<ServiceLoader.Provider<Rule>> providers = ServiceLoader.load(Rule.class, loader).stream().iterator();
        String current = null;
        try {
            while (providers.hasNext()) {
                ServiceLoader.Provider<Rule> p = providers.next();
                // the parent's services (the built-in pack) are visible through the jar's loader: only the jar's
                if (p.type().getClassLoader() != loader) {
                    continue;
                }
                current = p.type().getName();
                rules.add(described(p.get(), shownAs, current));
            }
        } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
            throw new UserRuleException("rule jar " + shownAs + ": cannot load " + (current == null ? "its rules"
                    : "rule class " + current) + ": " + RuleRunner.oneLine(rootOf(e))
                    + (rootOf(e) instanceof UnsupportedClassVersionError
                            ? " (compiled for a newer Java than the one running preflight)" : ""));
        }
        if (rules.isEmpty()) {
            throw new UserRuleException("rule jar " + shownAs + " registers no rule: list the rule classes in "
                    + "META-INF/services/" + Rule.class.getName() + " (or annotate them @AutoService(Rule.class))");
        }
        return rules;
    }

    /** The rules of a rule file. */
    public static List<UserRule> fromRuleFile(Path file, String shownAs) throws UserRuleException {
        if (!Files.isRegularFile(file)) {
            throw new UserRuleException("rule file " + shownAs + " does not exist");
        }
        List<UserRule> rules = new ArrayList<>();
        try {
            for (Rule r : RuleFile.load(file, shownAs)) {
                rules.add(new UserRule(r, shownAs, r.info()));
            }
        } catch (RuleFileException e) {
            throw new UserRuleException(e.getMessage());
        }
        return rules;
    }

    /** The rule with its info asked once, and checked: the id is what suppressions and baselines name. */
    private static UserRule described(Rule rule, String origin, String className) throws UserRuleException {
        RuleInfo info;
        try {
            info = rule.info();
        } catch (RuntimeException e) {
            throw new UserRuleException("rule jar " + origin + ": rule class " + className + " cannot say what it is: "
                    + RuleRunner.oneLine(e));
        }
        if (info == null || info.id() == null || !KEBAB.matcher(info.id()).matches()) {
            throw new UserRuleException("rule jar " + origin + ": rule class " + className + " has "
                    + (info == null || info.id() == null ? "no id" : "the id '" + info.id() + "'")
                    + "; rule ids are kebab-case, like acme-bucket-versioning");
        }
        if (info.severity() == null || info.title() == null) {
            throw new UserRuleException("rule jar " + origin + ": rule " + info.id() + " (" + className + ") needs a "
                    + (info.severity() == null ? "severity" : "title"));
        }
        return new UserRule(rule, origin, info);
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static URL url(Path jar) throws UserRuleException {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UserRuleException("rule jar " + jar + ": " + e.getMessage());
        }
    }
}
