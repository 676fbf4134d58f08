package org.mspportal;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The two-instance test needs a PostgreSQL server ({@code PORTAL_TEST_POSTGRES_URL}, on which it
 * makes a database of its own): without one it is skipped with a message, except under
 * {@code CI=true}, where that is a failure, as for the PostgreSQL suite.
 */
class TwoInstancesCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String url = System.getenv(TestDatabase.URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + url);
        }
        if (CiEnvironment.isCi()) {
            throw new ExtensionConfigurationException(
                    "CI=true but " + TestDatabase.URL_VARIABLE + " is not set: the two-instance test must run in CI");
        }
        return CiEnvironment.skipped("Two-instance test skipped: set " + TestDatabase.URL_VARIABLE
                + " (e.g. jdbc:postgresql://127.0.0.1:5432/mspportal_test?user=postgres) to run it");
    }
}
