package dev.preflight.cloudformation.syntax;

import dev.preflight.source.Problem;
import dev.preflight.source.SourceFile;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a YAML template with SnakeYAML's compose API, which builds a node graph and never constructs objects:
 * {@code load} would reject {@code !Ref} and, with the wrong constructor, instantiate whatever a tag names.
 */
public final class YamlTemplateParser {
    /** Billion-laughs guard: SnakeYAML refuses documents with more aliases to collections than this. */
    static final int MAX_ALIASES = 50;
    /** Deeper than any real template (policies inside conditions inside properties stay under 30). */
    static final int MAX_NESTING = 100;
    /**
     * Twice CloudFormation's own 1 MB template limit: bigger inputs cannot be deployed. Kept this low because
     * SnakeYAML's reader copies its look-ahead window on every 1 KB refill, so one long scalar costs time quadratic in
     * its length (4 MB: ~6 s, 16 MB: minutes), which a hostile pull request could use to stall the CI gate.
     */
    static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

    /** Parses {@code file}; never throws: every failure is a problem of the result. */
    public ParsedTemplate parse(SourceFile file) {
        List<Problem> problems = new ArrayList<>();
        TemplateNode root = null;
        try {
            Composer documents = composer(file.text());
            if (!documents.checkNode()) {
                problems.add(new Problem(file.span(0, 0), "empty template: no YAML document"));
                return new ParsedTemplate(null, problems);
            }
            Node first = documents.getNode();
            root = new YamlNodeConverter(file, problems).convert(first);
            if (documents.checkNode()) {
                Node second = documents.getNode();
                int at = new CodePointOffsets(file.text()).offset(second.getStartMark().getIndex());
                problems.add(new Problem(file.span(at, at), "more than one YAML document (the second starts at line "
                        + file.lineOf(at) + "); CloudFormation reads a template from a single document"));
            }
        } catch (MarkedYAMLException e) {
            problems.add(new Problem(spanOf(file, e.getProblemMark()), readable(e)));
        } catch (YAMLException e) {
            problems.add(limitProblem(file, e));
        } catch (YamlNodeConverter.TooLargeException e) {
            problems.add(new Problem(file.span(0, 0), e.getMessage()));
            root = null;
        }
        return new ParsedTemplate(root, problems);
    }

    /**
     * SnakeYAML's limits fail without a position ("Nesting Depth exceeded max 100"); the nesting one is found again
     * with the event parser, which keeps no stack, so the user gets the line where the too-deep collection starts.
     */
    private static Problem limitProblem(SourceFile file, YAMLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("exceeds the limit") && message.contains("code points")) {
            return new Problem(file.span(0, 0), "template too large: more than " + MAX_CODE_POINTS
                    + " characters, not read (CloudFormation accepts templates of at most 1 MB)");
        }
        if (message.contains("Nesting Depth")) {
            int depth = 0;
            try {
                ParserImpl events = new ParserImpl(new StreamReader(new StringReader(file.text())), options());
                while (events.peekEvent() != null) {
                    org.yaml.snakeyaml.events.Event ev = events.getEvent();
                    if (ev instanceof org.yaml.snakeyaml.events.CollectionStartEvent && ++depth > MAX_NESTING) {
                        int at = new CodePointOffsets(file.text()).offset(ev.getStartMark().getIndex());
                        return new Problem(file.span(at, at), "YAML nested more than " + MAX_NESTING
                                + " levels deep here; not read (no real template nests so deep)");
                    } else if (ev instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
                        depth--;
                    }
                }
            } catch (YAMLException again) {
                // fall through to the position-less message
            }
            return new Problem(file.span(0, 0), "YAML nested more than " + MAX_NESTING + " levels deep; not read");
        }
        return new Problem(file.span(0, 0), "YAML not read: " + message);
    }

    /**
     * SnakeYAML's composer, made directly rather than through {@code Yaml}: that facade also builds an object
     * constructor and representer whose initialisation (type descriptions, java.util.logging) is a large part of
     * reading a first template in a cold JVM, and compose never uses them.
     */
    private static Composer composer(String text) {
        LoaderOptions options = options();
        return new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                new PlainScalarResolver(), options);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setMergeOnCompose(false);
        options.setProcessComments(false);
        // compose never constructs objects, so every tag may pass SnakeYAML; YamlNodeConverter then rejects each
        // one that is not a CloudFormation function, node by node, so that one hostile tag does not hide the rest
        options.setTagInspector(tag -> true);
        return options;
    }

    /** SnakeYAML's problem and context without the snippet and caret it appends to getMessage(). */
    private static String readable(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext();
        Mark contextMark = e.getContextMark();
        if (context == null) {
            return "YAML syntax error: " + problem;
        }
        String where = contextMark == null ? "" : " started at line " + (contextMark.getLine() + 1);
        return "YAML syntax error: " + problem + " (" + context + where + ")";
    }

    private static dev.preflight.source.Span spanOf(SourceFile file, Mark mark) {
        if (mark == null) {
            return file.span(0, 0);
        }
        int offset = new CodePointOffsets(file.text()).offset(mark.getIndex());
        int end = Math.min(offset + 1, file.text().length());
        // a one-character span unless the mark is at a line end, so that the span stays on its line
        if (end > offset && (file.text().charAt(offset) == '\n' || file.text().charAt(offset) == '\r')) {
            end = offset;
        }
        return file.span(offset, end);
    }
}
