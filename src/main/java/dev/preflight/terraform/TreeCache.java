package dev.preflight.terraform;

import dev.preflight.source.SourceFile;
import dev.preflight.terraform.syntax.ConfigFile;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Syntax trees parsed while looking for module calls, kept for the loading that follows, up to a budget of source
 * text: within it a file is parsed once; beyond it the trees are dropped and parsed again when their module loads, so
 * memory stays bounded on a monorepo. Each tree is handed out once. Safe from several threads.
 */
final class TreeCache {
    private final ConcurrentHashMap<SourceFile, ConfigFile> trees = new ConcurrentHashMap<>();
    private final AtomicLong room;

    TreeCache(long budgetChars) {
        this.room = new AtomicLong(budgetChars);
    }

    /** Keeps {@code tree} when the budget has room for {@code file}'s text. */
    void offer(SourceFile file, ConfigFile tree) {
        long size = file.text().length();
        if (room.addAndGet(-size) >= 0) {
            trees.put(file, tree);
        } else {
            room.addAndGet(size);
        }
    }

    /** The tree kept for {@code file}, once; null when none was kept. */
    ConfigFile take(SourceFile file) {
        return trees.remove(file);
    }
}
