package org.mspportal;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Chooses the database a {@link DatabaseTest} runs on. Maven's default test run uses H2; its
 * {@code postgresql} run sets {@code portal.test.database=postgresql} and repeats the same classes
 * on the server named by {@code PORTAL_TEST_POSTGRES_URL}. Without that variable those tests are
 * skipped, except under {@code CI=true}, where a missing PostgreSQL is a failure.
 */
public class TestDatabase implements ActiveProfilesResolver, ExecutionCondition {

    static final String URL_VARIABLE = "PORTAL_TEST_POSTGRES_URL";

    static boolean postgresqlRun() {
        return "postgresql".equals(System.getProperty("portal.test.database"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return postgresqlRun() ? new String[] {"test", "test-postgresql"} : new String[] {"test"};
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!postgresqlRun()) {
            return ConditionEvaluationResult.enabled("H2 run");
        }
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return ConditionEvaluationResult.enabled("PostgreSQL run on " + url);
        }
        if (CiEnvironment.isCi()) {
            throw new ExtensionConfigurationException(
                    "CI=true but " + URL_VARIABLE + " is not set: the PostgreSQL suite must run in CI");
        }
        return CiEnvironment.skipped("PostgreSQL suite skipped: set " + URL_VARIABLE
                + " (e.g. jdbc:postgresql://127.0.0.1:5432/mspportal_test?user=postgres) to run it");
    }
}
