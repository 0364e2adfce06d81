package com.leadline.testing;

import java.util.Random;
import java.util.function.Consumer;

/** Seeded random property runs: a failure names its seed, and {@code -Dleadline.seed=N} replays it. */
public final class Seeded {

    private Seeded() {
    }

    /** The seed of this run: the one given with {@code -Dleadline.seed}, else a new one. */
    public static long seed() {
        return Long.getLong("leadline.seed", System.nanoTime());
    }

    public static void check(String property, long seed, Consumer<Random> run) {
        try {
            run.accept(new Random(seed));
        } catch (AssertionError failure) {
            throw new AssertionError(property + " failed with seed " + seed + " (replay: -Dleadline.seed=" + seed + "): "
                    + failure.getMessage(), failure);
        }
    }
}
