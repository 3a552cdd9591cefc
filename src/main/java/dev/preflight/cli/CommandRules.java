package dev.preflight.cli;

import dev.preflight.dsl.Rule;
import dev.preflight.dsl.RuleInfo;
import dev.preflight.engine.BuiltInRules;
import dev.preflight.engine.Config;
import dev.preflight.engine.ConfigException;
import dev.preflight.engine.ConfigLoader;
import dev.preflight.engine.RuleRegistry;
import dev.preflight.engine.UserRuleException;
import dev.preflight.engine.UserRules;
import dev.preflight.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The rules a command sees: the built-in pack (built in the background, asked for only when needed) and the users'
 * rules its command line ({@code --rules-jar}, {@code --rules-file}) and config file name. Without users' rules
 * nothing is loaded and the built-in path is the same as ever; with them, a jar or file that cannot be used is a
 * usage error (exit 2) naming it.
 */
final class CommandRules implements Supplier<RuleRegistry> {
    private final Supplier<RuleRegistry> builtIn;
    private final Path cwd;
    private final List<UserRules.Source> sources = new ArrayList<>();
    private boolean configAdded;
    private RuleRegistry withUsers;
    private Set<String> knownIds;

    CommandRules(Supplier<RuleRegistry> builtIn, Path cwd, ParsedArgs args) {
        this.builtIn = builtIn;
        this.cwd = cwd;
        for (String jar : args.values("rules-jar")) {
            sources.add(UserRules.Source.jar(cwd.resolve(jar).normalize(), jar));
        }
        for (String file : args.values("rules-file")) {
            sources.add(UserRules.Source.ruleFile(cwd.resolve(file).normalize(), file));
        }
    }

    /**
     * Reads the chosen config file; the rules it names join these. Rule ids in it are checked against every rule,
     * its own included.
     */
    Config readConfig(ConfigChoice choice) throws UsageException {
        if (choice.file() == null) {
            return Config.empty();
        }
        Config config;
        UsageException[] refused = new UsageException[1];
        try {
            config = new ConfigLoader(c -> {
                try {
                    addConfig(c, choice);
                    return knownIds();
                } catch (UsageException e) {
                    refused[0] = e;
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }).load(choice.file());
        } catch (ConfigException e) {
            throw refused[0] != null ? refused[0] : new UsageException(e.getMessage());
        }
        addConfig(config, choice);
        return config;
    }

    private void addConfig(Config config, ConfigChoice choice) throws UsageException {
        if (configAdded) {
            return;
        }
        configAdded = true;
        String name = SourceFile.relativePath(cwd, choice.file());
        if (!config.rulesJars().isEmpty() && !choice.trusted()) {
            throw UsageException.withoutHelp(name + " names rule jars, but a config file found in a scanned folder cannot "
                    + "load code (the folder is input, a jar is code): pass --rules-jar, run preflight from that "
                    + "folder, or name the file with --config");
        }
        for (Path jar : config.rulesJars()) {
            sources.add(UserRules.Source.jar(jar, SourceFile.relativePath(cwd, jar)));
        }
        for (Path file : config.rulesFiles()) {
            sources.add(UserRules.Source.ruleFile(file, SourceFile.relativePath(cwd, file)));
        }
    }

    /** Whether users' rules were asked for. */
    boolean hasUserRules() {
        return !sources.isEmpty();
    }

    /** Every rule, users' included; loads the users' rules on first use. */
    RuleRegistry registry() throws UsageException {
        if (sources.isEmpty()) {
            return builtIn.get();
        }
        if (withUsers == null) {
            try {
                withUsers = builtIn.get().with(UserRules.load(sources));
            } catch (UserRuleException e) {
                throw UsageException.withoutHelp(e.getMessage());
            }
        }
        return withUsers;
    }

    /** Every rule id a user may name: the registry's and the engine's own. */
    Set<String> knownIds() throws UsageException {
        if (knownIds == null) {
            Set<String> ids = new TreeSet<>();
            for (Rule r : registry().rules()) {
                ids.add(r.info().id());
            }
            for (RuleInfo r : BuiltInRules.all()) {
                ids.add(r.id());
            }
            knownIds = ids;
        }
        return knownIds;
    }

    /**
     * The registry for code that cannot take a usage error (the scanner's rule supplier): call {@link #registry()}
     * first, so that a bad jar is reported before the scan starts.
     */
    @Override
    public RuleRegistry get() {
        try {
            return registry();
        } catch (UsageException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
