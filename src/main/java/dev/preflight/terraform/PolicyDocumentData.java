package dev.preflight.terraform;

import dev.preflight.graph.Value;
import dev.preflight.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform's {@code data "aws_iam_policy_document"}, which most Terraform uses to write trust and permission
 * policies. The AWS provider computes its {@code json} locally from the data source's arguments, so it is known as
 * soon as they are: preflight computes it the same way ({@link PolicyStatementRendering}, {@link PolicyDocumentMerge}),
 * as the document's structure (like {@code jsonencode}), whose values point where they are written. Every reference
 * to {@code data.aws_iam_policy_document.x.json} is then that document, for every rule and in every format of report.
 */
final class PolicyDocumentData {
    static final String TYPE = "aws_iam_policy_document";
    private static final String DEFAULT_VERSION = "2012-10-17";
    /** The arguments of the data source, present as null when not written. */
    private static final List<String> ARGUMENTS = List.of("override_json", "override_policy_documents", "policy_id",
            "source_json", "source_policy_documents", "statement", "version");
    private static final Set<String> VERSIONS = Set.of("2008-10-17", DEFAULT_VERSION);

    private PolicyDocumentData() {
    }

    /** The data source as a value: its arguments, and the {@code json} and {@code minified_json} it computes. */
    static Value.MapValue attributes(Value.MapValue arguments, Span span) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (String name : ARGUMENTS) {
            out.put(name, arguments.entries().getOrDefault(name, new Value.Null(span)));
        }
        if (out.get("version") instanceof Value.Null) {
            out.put("version", new Value.Str(DEFAULT_VERSION, null));
        }
        Value document = document(arguments, span);
        out.put("json", document);
        out.put("minified_json", document);
        out.put("id", new Value.Unknown("the id of a policy document is a hash preflight does not compute", span));
        return new Value.MapValue(out, span);
    }

    /** The data source's arguments with the {@code json} and {@code minified_json} it computes from them. */
    static Value.MapValue withDocument(Value.MapValue arguments, Span span) {
        Map<String, Value> out = new LinkedHashMap<>(arguments.entries());
        Value document = document(arguments, span);
        out.put("json", document);
        out.put("minified_json", document);
        return new Value.MapValue(out, arguments.span());
    }

    /** The document the provider renders from {@code arguments}, or unknown (saying why). */
    static Value document(Value.MapValue arguments, Span span) {
        if (arguments.entries().containsKey("depends_on")) {
            // Terraform reads a data source with depends_on only at apply
            return new Value.Unknown("a policy document with depends_on is read only at apply", span);
        }
        try {
            for (String removed : List.of("source_json", "override_json")) {
                Value v = arguments.entries().get(removed);
                if (v != null && !(v instanceof Value.Null) && !(v instanceof Value.Str s && s.value().isEmpty())) {
                    throw new EvalException(v.span(), removed + " is no longer used; use " + removed.replace("json",
                            "policy_documents"));
                }
            }
            Value version = arguments.entries().getOrDefault("version", new Value.Str(DEFAULT_VERSION, null));
            if (version instanceof Value.Str v && !VERSIONS.contains(v.value())) {
                throw new EvalException(v.span(), "version must be 2008-10-17 or 2012-10-17");
            }
            PolicyDocumentMerge merge = new PolicyDocumentMerge();
            merge.mergeSources(arguments.entries().get("source_policy_documents"));
            boolean version2008 = version instanceof Value.Str v && v.value().equals("2008-10-17");
            merge.mergeOwn(version, arguments.entries().get("policy_id"),
                    statements(arguments.entries().get("statement"), version2008));
            merge.mergeOverrides(arguments.entries().get("override_policy_documents"));
            return merge.document(span);
        } catch (PolicyDocumentMerge.NotKnown e) {
            return new Value.Unknown(e.getMessage(), span);
        } catch (EvalException e) {
            return new Value.Unknown("Terraform would reject this policy document: " + e.getMessage(), span);
        }
    }

    private static List<Value> statements(Value blocks, boolean version2008) {
        if (blocks == null || blocks instanceof Value.Null) {
            return List.of();
        }
        if (!(blocks instanceof Value.ListValue list)) {
            throw new PolicyDocumentMerge.NotKnown("the statements of the policy document are not known");
        }
        List<Value> out = new ArrayList<>();
        for (Value block : list.items()) {
            if (version2008 && PolicyStatementRendering.usesPolicyVariables(block)) {
                throw new EvalException(block.span(), "a policy variable &{...} is not supported in version "
                        + "2008-10-17");
            }
            out.add(PolicyStatementRendering.statement(block));
        }
        return out;
    }
}
