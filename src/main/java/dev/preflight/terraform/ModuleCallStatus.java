package dev.preflight.terraform;

import dev.preflight.source.Span;

/**
 * Whether one module call of a root was loaded or left unknown, and why: what a scan reports so that users know
 * what was not checked. {@code reportedAt} is the call in the user's own code (for a call inside installed module
 * code, the user's call that leads to it); {@code key} is the call's path of names ({@code ecs.service}).
 */
public record ModuleCallStatus(String key, Span reportedAt, Reason reason) {

    /** Why a module call is unknown. The ids are a contract of the JSON summary: add, never rename. */
    public enum Reason {
        /** The root has no {@code .terraform/modules/modules.json}: {@code terraform init} has not run. */
        NOT_INITIALISED("not-initialised", "not initialised"),
        /** The manifest has no entry for this call: it was added after {@code terraform init}. */
        NOT_INSTALLED("not-installed", "not installed by terraform init"),
        /** The call's source differs from the one installed. */
        SOURCE_CHANGED("source-changed", "source changed since terraform init"),
        /** The installed version does not meet the call's version constraint. */
        VERSION_CHANGED("version-changed", "version changed since terraform init"),
        /** The module's directory (local, or the installed one) is not there. */
        DIRECTORY_MISSING("directory-missing", "module directory missing"),
        /** The manifest exists but could not be read. */
        MANIFEST_UNREADABLE("manifest-unreadable", "modules.json unreadable"),
        /** The source is not a literal string (Terraform requires one). */
        SOURCE_NOT_LITERAL("source-not-literal", "source not a literal string"),
        /** Deeper than preflight follows module calls. */
        TOO_DEEP("too-deep", "nested too deeply");

        private final String id;
        private final String text;

        Reason(String id, String text) {
            this.id = id;
            this.text = text;
        }

        /** The stable id, as in the JSON summary. */
        public String id() {
            return id;
        }

        /** A few words for people. */
        public String text() {
            return text;
        }
    }

    /** True when the call's module was loaded and evaluated. */
    public boolean loaded() {
        return reason == null;
    }
}
