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
 * rules its command line ({@code --rules-jar}, {@code --rules-file}) and config file name, loaded in the background
 * too, from when the config file is read, while the scan reads its inputs. Without users' rules nothing is loaded
 * and the built-in path is the same as ever; with them, a jar or file that cannot be used is a usage error (exit 2)
 * naming it, raised when the rules are first needed.
 */
final class CommandRules implements Supplier<RuleRegistry> {
    private final Supplier<RuleRegistry> builtIn;
    private final Path cwd;
    private final List<UserRules.Source> sources = new ArrayList<>();
    private boolean configAdded;
    /** Every rule, users' included: started once the sources are known. */
    private InBackground<RuleRegistry> withUsers;
    private Set<String> knownIds;

    /** Carries a usage error out of the background loading, which cannot throw a checked exception. */
    private static final class Unusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message, null, false, false);
        }
    }

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
            start();
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
            // every error of the file, one per line, so that it can be fixed in one go
            throw refused[0] != null ? refused[0] : new UsageException(String.join("\npreflight: ", e.errors()));
        }
        addConfig(config, choice);
        start();
        return config;
    }

    /** Starts loading the users' rules, if any, beside whatever the command does next. */
    private void start() {
        if (withUsers != null || sources.isEmpty()) {
            return;
        }
        List<UserRules.Source> all = List.copyOf(sources);
        withUsers = InBackground.start(new Supplier<RuleRegistry>() {
            @Override
            public RuleRegistry get() {
                try {
                    return builtIn.get().with(UserRules.load(all));
                } catch (UserRuleException e) {
                    throw new Unusable(e.getMessage());
                }
            }
        }, "preflight-user-rules");
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

    /** Every rule, users' included; waits for them. */
    RuleRegistry registry() throws UsageException {
        if (sources.isEmpty()) {
            return builtIn.get();
        }
        start();
        try {
            return withUsers.get();
        } catch (Unusable e) {
            throw UsageException.withoutHelp(e.getMessage());
        }
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
     * The registry for code that cannot take a usage error (the scanner's rule supplier): a jar or file that cannot
     * be used comes out as {@link UnusableRules}, which the command turns back into the usage error.
     */
    @Override
    public RuleRegistry get() {
        try {
            return registry();
        } catch (UsageException e) {
            throw new UnusableRules(e);
        }
    }

    /** A usage error about users' rules, met where only unchecked exceptions pass. */
    static final class UnusableRules extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnusableRules(UsageException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        UsageException usageError() {
            return (UsageException) getCause();
        }
    }
}
