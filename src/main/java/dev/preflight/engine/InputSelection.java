package dev.preflight.engine;

import dev.preflight.source.DiscoveredFile;
import dev.preflight.source.InputKind;
import dev.preflight.source.Problem;
import dev.preflight.source.SourceDiscovery;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Turns the paths a user (or pre-commit) named into what the scanner reads and what the report may show.
 * <ul>
 * <li>A {@code .tf} file cannot be checked alone (its references point into sibling files), so it is widened to
 * its module: every Terraform file of its directory, not of subdirectories, which are other modules. So is a
 * {@code terraform.tfvars} or {@code *.auto.tfvars}, whose values only mean something to their module.</li>
 * <li>When files are named, only findings in those files (widened) are reported: a pre-commit hook must not block
 * a commit for a file the commit does not touch.</li>
 * <li>Exclude globs, relative to the base directory, drop files and whole directories; a leading {@code **}{@code /}
 * matches at the top too, as in {@code .gitignore}.</li>
 * </ul>
 */
public final class InputSelection {
    private final Path baseDir;
    private final List<PathMatcher> excludes = new ArrayList<>();
    private final boolean skipUnrecognized;

    /**
     * What to scan, what to report on ({@code scope} is null for "everything scanned"), what went wrong, and the
     * files named one by one that must turn out to be Terraform or CloudFormation ({@code named}; absolute; empty
     * when unrecognised files are skipped): a YAML file named by hand that is not a template is an error, not
     * skipped in silence, as is one that does not even look like one.
     */
    public record Selected(List<Path> paths, Set<Path> scope, List<Problem> problems, Set<Path> named) {
        public Selected {
            named = Set.copyOf(named);
        }

        public Selected(List<Path> paths, Set<Path> scope, List<Problem> problems) {
            this(paths, scope, problems, Set.of());
        }

        /** True when {@code displayPath} (relative to the base directory) was named and must be an input. */
        public boolean mustBeInput(Path baseDir, String displayPath) {
            return named.contains(baseDir.resolve(displayPath).toAbsolutePath().normalize());
        }

        /** True when a finding in {@code displayPath} (relative to the base directory) may be reported. */
        public boolean inScope(Path baseDir, String displayPath) {
            if (scope == null) {
                return true;
            }
            return scope.contains(baseDir.resolve(displayPath).toAbsolutePath().normalize());
        }
    }

    /**
     * @param excludeGlobs     globs such as {@code legacy/**}, matched against paths relative to {@code baseDir}
     * @param skipUnrecognized drop named files that are not Terraform or CloudFormation instead of reporting them
     *                         (pre-commit hands over every changed YAML and JSON file)
     */
    public InputSelection(Path baseDir, List<String> excludeGlobs, boolean skipUnrecognized) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        for (String glob : excludeGlobs) {
            excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                // as in .gitignore, a leading **/ matches in every directory, the top one included: Java's glob
                // alone would not exclude a top-level examples/ for **/examples
                excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            }
        }
        this.skipUnrecognized = skipUnrecognized;
    }

    /** Selects the inputs for {@code named} paths. */
    public Selected select(List<Path> named) {
        Set<Path> paths = new LinkedHashSet<>();
        Set<Path> scope = null;
        List<Problem> problems = new ArrayList<>();
        Set<Path> widened = new HashSet<>();
        Set<Path> mustBeInputs = new HashSet<>();
        List<Path> namedDirs = new ArrayList<>();
        for (Path p : named) {
            if (Files.isDirectory(p)) {
                namedDirs.add(p);
                if (excludes.isEmpty()) {
                    paths.add(p);
                } else {
                    SourceDiscovery.Result found = new SourceDiscovery().discover(List.of(p));
                    problems.addAll(found.problems());
                    found.files().stream().map(DiscoveredFile::path).filter(f -> !excluded(f)).forEach(paths::add);
                }
                continue;
            }
            if (!Files.isRegularFile(p)) {
                paths.add(p); // the scanner reports it as missing
                continue;
            }
            if (excluded(p) || (skipUnrecognized && !recognized(p))) {
                continue;
            }
            if (!skipUnrecognized) {
                mustBeInputs.add(p.toAbsolutePath().normalize());
            }
            if (scope == null) {
                scope = new TreeSet<>();
            }
            if (widened.contains(p.toAbsolutePath().normalize())) {
                continue; // pre-commit names every changed file of a module: its directory is listed once
            }
            List<Path> module = isModuleFile(p) ? moduleFiles(p) : List.of(p);
            for (Path f : module) {
                widened.add(f.toAbsolutePath().normalize());
                paths.add(f);
                scope.add(f.toAbsolutePath().normalize());
            }
            if (isPlan(p)) {
                // a plan's findings point into the configuration it was made from, beside it
                for (Path f : configurationBeside(p)) {
                    scope.add(f.toAbsolutePath().normalize());
                }
            }
        }
        if (scope != null) {
            // a directory named next to files is asked for as a whole: its findings must not be dropped as out of
            // scope (`scan modules/ main.tf` reported nothing from modules/)
            for (DiscoveredFile f : new SourceDiscovery().discover(namedDirs).files()) {
                if (!excluded(f.path())) {
                    scope.add(f.path().toAbsolutePath().normalize());
                }
            }
        }
        return new Selected(List.copyOf(paths), scope, problems, mustBeInputs);
    }

    private boolean excluded(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (excludes.isEmpty() || !abs.startsWith(baseDir)) {
            return false;
        }
        // a glob naming a directory excludes what is below it, so test every ancestor as well
        for (Path rel = baseDir.relativize(abs); rel != null; rel = rel.getParent()) {
            for (PathMatcher m : excludes) {
                if (m.matches(rel)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean recognized(Path file) {
        return !new SourceDiscovery().discover(List.of(file)).files().isEmpty();
    }

    /** Only a JSON file can be a plan: any other name is settled without opening the file. */
    private static boolean isPlan(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return false;
        }
        for (DiscoveredFile f : new SourceDiscovery().discover(List.of(file)).files()) {
            if (f.kind() == InputKind.TERRAFORM_PLAN) {
                return true;
            }
        }
        return false;
    }

    /** The Terraform files below a plan's directory, where its resources are written. */
    private static List<Path> configurationBeside(Path plan) {
        Path dir = plan.toAbsolutePath().normalize().getParent();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> !f.toString().contains("/.terraform/")).filter(Files::isRegularFile)
                    .filter(InputSelection::isTerraform).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    private static boolean isTerraform(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tf") || n.endsWith(".tf.json");
    }

    private static boolean isModuleFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return isTerraform(file) || n.equals("terraform.tfvars") || n.endsWith(".auto.tfvars");
    }

    /**
     * The Terraform files of the directory of {@code file}, sorted; just the file when the directory is unreadable.
     * A plain loop: this runs in every pre-commit run, where each stream or lambda call site costs a cold JVM its
     * first linking.
     */
    private List<Path> moduleFiles(Path file) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path f : entries) {
                if (isModuleFile(f) && Files.isRegularFile(f) && !excluded(f)) {
                    found.add(f);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            return List.of(file);
        }
        if (found.isEmpty()) {
            return List.of(file);
        }
        Collections.sort(found);
        return found;
    }
}
