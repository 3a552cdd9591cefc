package dev.preflight.cloudformation;

import dev.preflight.cloudformation.syntax.MappingNode;
import dev.preflight.graph.Resource;
import dev.preflight.source.Problem;
import dev.preflight.source.Skipped;
import dev.preflight.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The templates of one scan loaded together, because stacks are not independent: a nested stack is deployed with the
 * values its parent passes, and an import reads what another stack exports.
 * <ol>
 * <li>Each template that no other template of the scan nests is a stack of its own, loaded with the user's
 * parameter values; its nested stacks whose template is a local file are loaded below it, with their parent's
 * values, as a Terraform module is loaded with its call's arguments. A template that is nested is judged only that
 * way: its own defaults, which its parent overrides, are not what is deployed. A template whose parents never load
 * it (their stack resource's condition is false, or they nest each other) is loaded on its own after all.</li>
 * <li>Every loaded stack's exports are indexed; then each stack's resources are read, and an import of an indexed
 * name reads the exporting output.</li>
 * </ol>
 * Single-threaded: values cross templates on demand, so the set is one unit of work. Templates linked to no other
 * (no local nested template, export or import: most of them) come already loaded on their own, on the threads that
 * parsed them; one of them that a linked template nests is parsed again and loaded below its parent instead.
 */
final class StackSet {
    /** A nested stack is named by CloudFormation, not by the user: these pseudo parameters differ from its root's. */
    private static final Set<String> OWN_TO_EACH_STACK = Set.of("AWS::StackName", "AWS::StackId");

    private final Map<String, String> parameters;
    private final Map<String, String> nestedPseudo = new HashMap<>();
    private final TemplateReader reader;
    private final Map<Path, TemplateInput> inputs = new LinkedHashMap<>();
    /** Inputs linked to no other template, loaded on their own already; dropped when a linked one nests them. */
    private final Map<Path, PreparedTemplate> alone = new LinkedHashMap<>();
    /** Inputs loaded on their own that a linked template nests: parsed again, to be loaded below it. */
    private final Map<Path, TemplateInput> taken = new LinkedHashMap<>();
    /** Nested templates that are not inputs of the scan, read when a stack names them; empty when unreadable. */
    private final Map<Path, Optional<TemplateInput>> readBeside = new LinkedHashMap<>();
    private final List<TemplateContext> stacks = new ArrayList<>();
    private final Set<Path> loaded = new HashSet<>();
    private final ExportIndex exports = new ExportIndex();
    private final List<Problem> readProblems = new ArrayList<>();

    StackSet(Map<String, String> parameters, TemplateReader reader) {
        this.parameters = parameters;
        this.reader = reader;
        parameters.forEach((name, value) -> {
            if (PseudoParameters.isPseudo(name) && !OWN_TO_EACH_STACK.contains(name)) {
                nestedPseudo.put(name, value);
            }
        });
    }

    ExportIndex exports() {
        return exports;
    }

    StackSetLoad load(List<PreparedTemplate> all) {
        List<Skipped> skipped = new ArrayList<>();
        for (PreparedTemplate prepared : all) {
            TemplateInput input = prepared.linked();
            if (input == null) {
                alone.putIfAbsent(pathOf(prepared.file()), prepared);
            } else if (input.isTemplate()) {
                inputs.putIfAbsent(pathOf(input.file()), input);
            } else {
                skipped.add(new Skipped(input.file().displayPath(), input.notATemplate().get()));
            }
        }
        Set<Path> nestedByAnother = nestedByAnother();
        for (TemplateInput input : inputs.values()) {
            if (!nestedByAnother.contains(pathOf(input.file()))) {
                loadAsStack(input);
            }
        }
        for (TemplateInput input : inputs.values()) {
            if (!loaded.contains(pathOf(input.file()))) {
                loadAsStack(input);
            }
        }
        // the list grows no more: every stack and nested stack is set up
        for (TemplateContext stack : stacks) {
            exports.add(stack);
        }
        exports.seal();
        List<Resource> resources = new ArrayList<>();
        for (TemplateContext stack : stacks) {
            resources.addAll(resourcesOf(stack));
        }
        for (Map.Entry<Path, PreparedTemplate> e : alone.entrySet()) {
            if (!taken.containsKey(e.getKey())) {
                resources.addAll(e.getValue().alone().resources());
            }
        }
        return new StackSetLoad(resources, problems(), files(), skipped);
    }

    /** The inputs that another input nests, read from the text of their parents (before any stack is loaded). */
    private Set<Path> nestedByAnother() {
        Set<Path> nested = new HashSet<>();
        for (TemplateInput input : inputs.values()) {
            Path self = pathOf(input.file());
            if (input.parsed().root() instanceof MappingNode root) {
                for (Path child : NestedTemplateLocation.in(root, self).values()) {
                    if (!child.equals(self)) {
                        nested.add(child);
                    }
                }
            }
        }
        return nested;
    }

    private void loadAsStack(TemplateInput input) {
        Path file = pathOf(input.file());
        setUp(input, parameters, parameters, StackPlacement.root(input.file().displayPath(), file));
    }

    /** Sets up a stack and, below it, its nested stacks; null when the template has nothing to load. */
    private TemplateContext setUp(TemplateInput input, Map<String, String> given, Map<String, String> pseudo,
                                  StackPlacement placement) {
        loaded.add(pathOf(input.file()));
        if (!(input.parsed().root() instanceof MappingNode root)) {
            return null; // a template that does not parse: its problems are reported, nothing else
        }
        TemplateContext stack = new TemplateContext(input.file(), root, given, pseudo, placement, this);
        stacks.add(stack);
        for (String logicalId : NestedTemplateLocation.in(root, input.file().path()).keySet()) {
            stack.nestedStack(logicalId);
        }
        return stack;
    }

    /** The nested stack {@code logicalId} of {@code parent}, loaded from its local template; empty when it cannot be. */
    Optional<NestedStack> nest(TemplateContext parent, String logicalId, MappingNode body) {
        Optional<Path> file = NestedTemplateLocation.of(body, parent.file().path());
        if (file.isEmpty() || parent.placement().chain().contains(file.get())) {
            return Optional.empty(); // not local, or a template that nests itself: CloudFormation would never end
        }
        Optional<TemplateInput> child = templateAt(file.get());
        if (child.isEmpty()) {
            return Optional.empty();
        }
        NestedStack stack = new NestedStack(parent, logicalId, body);
        stack.attach(setUp(child.get(), Map.of(), nestedPseudo,
                parent.placement().nested(logicalId, stack, file.get())));
        return Optional.of(stack);
    }

    /** The template at {@code file}: an input of the scan, or read beside it; empty when there is none. */
    private Optional<TemplateInput> templateAt(Path file) {
        TemplateInput input = inputs.get(file);
        if (input != null) {
            return Optional.of(input);
        }
        PreparedTemplate loadedAlone = alone.get(file);
        if (loadedAlone != null) {
            // it was loaded on its own while nothing was known of its parents; it is judged below them instead
            return Optional.of(taken.computeIfAbsent(file, f -> TemplateInput.parse(loadedAlone.file())))
                    .filter(TemplateInput::isTemplate);
        }
        return readBeside.computeIfAbsent(file, f -> reader.read(f, readProblems::add)
                .map(TemplateInput::parse).filter(TemplateInput::isTemplate));
    }

    /** The resources of one stack, with the problems of its Resources section. */
    private static List<Resource> resourcesOf(TemplateContext stack) {
        MappingNode template = stack.root();
        Optional<MappingNode.Entry> resources = template.entry("Resources");
        if (resources.isEmpty()) {
            stack.problem(template.span().start(), "the template has no Resources section");
        } else if (!(resources.get().value() instanceof MappingNode section) || section.entries().isEmpty()) {
            // a macro may take another shape as input (the ShortHand example lists resources)
            if (!stack.isTransformed()) {
                stack.problem(resources.get().keySpan(), "Resources must be a mapping with at least one resource");
            }
        } else {
            return new ResourceReader(stack).read(section);
        }
        return List.of();
    }

    /**
     * Each file's parse problems once, and each stack's; a template nested twice is two stacks whose problems are
     * the same, reported once.
     */
    private List<Problem> problems() {
        Set<Problem> all = new LinkedHashSet<>(readProblems);
        for (Map.Entry<Path, PreparedTemplate> e : alone.entrySet()) {
            all.addAll(taken.containsKey(e.getKey()) ? taken.get(e.getKey()).parsed().problems()
                    : e.getValue().alone().problems());
        }
        for (TemplateInput input : inputs.values()) {
            all.addAll(input.parsed().problems());
        }
        for (Optional<TemplateInput> beside : readBeside.values()) {
            beside.ifPresent(b -> all.addAll(b.parsed().problems()));
        }
        for (TemplateContext stack : stacks) {
            all.addAll(stack.problems());
        }
        return new ArrayList<>(all);
    }

    private List<SourceFile> files() {
        List<SourceFile> files = new ArrayList<>();
        alone.values().forEach(a -> files.add(a.file()));
        inputs.values().forEach(i -> files.add(i.file()));
        readBeside.values().forEach(b -> b.ifPresent(i -> files.add(i.file())));
        return files;
    }

    private static Path pathOf(SourceFile file) {
        return file.path().toAbsolutePath().normalize();
    }
}
