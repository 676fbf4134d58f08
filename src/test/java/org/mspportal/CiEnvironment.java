package org.mspportal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** What the test suites need to know of where they run. */
final class CiEnvironment {

    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private CiEnvironment() {
    }

    static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Disables a test and says why on the console once, so a skipped suite is never silent. */
    static ConditionEvaluationResult skipped(String reason) {
        if (ANNOUNCED.add(reason)) {
            System.out.println("[SKIPPED] " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
