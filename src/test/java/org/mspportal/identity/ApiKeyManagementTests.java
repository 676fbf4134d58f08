package org.mspportal.identity;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Creating, listing and revoking an MSP's API keys through the façade, one rule per test. */
@DatabaseTest
@Import(TestAccounts.class)
class ApiKeyManagementTests {

    @Autowired ApiKeyManagement apiKeys;
    @Autowired TestAccounts testAccounts;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    UUID provider;
    Account admin;

    @BeforeEach
    void anMspAdministrator() {
        provider = testAccounts.provider();
        admin = testAccounts.active(provider, Role.MSP_ADMINISTRATOR);
        TestAccounts.actAs(admin);
    }

    @AfterEach
    void signOut() {
        TestAccounts.actAsNobody();
    }

    @Test
    void aNewKeyIsAStrongRandomSecretWithAVisiblePrefix() {
        NewApiKey created = apiKeys.create("PSA sync", EnumSet.of(ApiKeyScope.READ));

        assertThat(created.secret()).matches("msp_[A-Za-z0-9_-]{43}");
        assertThat(created.key().prefix()).isEqualTo(created.secret().substring(0, 8));
        assertThat(created.toString()).doesNotContain(created.secret());
        assertThat(apiKeys.create("Billing", EnumSet.of(ApiKeyScope.READ)).secret()).isNotEqualTo(created.secret());
    }

    @Test
    void theKeyIsShownOnceAndOnlyItsHashIsStored() {
        NewApiKey created = apiKeys.create("PSA sync", EnumSet.of(ApiKeyScope.READ, ApiKeyScope.WRITE));

        Map<String, Object> row = jdbc.sql("SELECT * FROM api_key WHERE id = :id").param("id", created.key().id())
                .query().singleRow();
        assertThat(String.valueOf(row.get("key_hash")).strip()).isEqualTo(Secrets.sha256(created.secret()));
        assertThat(row.values()).allSatisfy(value -> assertHoldsNothingSecretOf(created, String.valueOf(value)));
        assertThat(apiKeys.get(created.key().id()).prefix()).isEqualTo(created.secret().substring(0, 8));
    }

    @Test
    void theListHoldsTheOwnMspsKeysNewestFirstAndNoneOfAnotherMsp() {
        ApiKey older = apiKeys.create("Older", EnumSet.of(ApiKeyScope.READ)).key();
        clock.advance(Duration.ofMinutes(1));
        ApiKey newer = apiKeys.create("Newer", EnumSet.of(ApiKeyScope.USAGE_INGEST)).key();
        TestAccounts.actAs(testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR));
        apiKeys.create("Someone else's", EnumSet.of(ApiKeyScope.READ));
        TestAccounts.actAs(admin);

        List<ApiKey> listed = apiKeys.list();

        assertThat(listed).extracting(ApiKey::id).containsExactly(newer.id(), older.id());
        assertThat(listed.get(0).scopes()).containsExactly(ApiKeyScope.USAGE_INGEST);
        assertThat(listed.get(0).createdByEmail()).isEqualTo(admin.email());
        assertThat(listed.get(0).lastUsedAt()).isEmpty();
    }

    @Test
    void aReadOnlyAdministratorMayListButNotCreateOrRevoke() {
        ApiKey key = apiKeys.create("PSA sync", EnumSet.of(ApiKeyScope.READ)).key();
        TestAccounts.actAs(testAccounts.active(provider, Role.READ_ONLY_ADMINISTRATOR));

        assertThat(apiKeys.list()).extracting(ApiKey::id).containsExactly(key.id());
        assertThatExceptionOfType(AccessDeniedException.class)
                .isThrownBy(() -> apiKeys.create("Mine", EnumSet.of(ApiKeyScope.READ)));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> apiKeys.revoke(key.id()));
        assertThat(apiKeys.get(key.id()).active()).isTrue();
    }

    @Test
    void aRevokedKeyStaysListedAsRevoked() {
        ApiKey key = apiKeys.create("PSA sync", EnumSet.of(ApiKeyScope.READ)).key();
        clock.advance(Duration.ofMinutes(5));

        apiKeys.revoke(key.id());

        ApiKey revoked = apiKeys.get(key.id());
        assertThat(revoked.active()).isFalse();
        assertThat(revoked.revokedAt()).contains(clock.instant());
    }

    @Test
    void anotherMspsKeyIsNotFoundAndStaysActive() {
        TestAccounts.actAs(testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR));
        ApiKey theirs = apiKeys.create("Theirs", EnumSet.of(ApiKeyScope.READ)).key();
        TestAccounts.actAs(admin);

        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> apiKeys.get(theirs.id()));
        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> apiKeys.revoke(theirs.id()));
        assertThatExceptionOfType(NotFound.class).isThrownBy(() -> apiKeys.revoke(UUID.randomUUID()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE id = :id AND revoked_at IS NULL")
                .param("id", theirs.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void createAndRevokeAreAuditedWithoutTheKey() {
        NewApiKey created = apiKeys.create("PSA sync", EnumSet.of(ApiKeyScope.READ, ApiKeyScope.WRITE));
        apiKeys.revoke(created.key().id());
        apiKeys.revoke(created.key().id());

        List<Map<String, Object>> entries = jdbc.sql("""
                SELECT actor, action, provider_id, summary, details FROM audit_entry
                 WHERE object_type = 'api-key' AND object_id = :id ORDER BY id""")
                .param("id", created.key().id().toString())
                .query().listOfRows();
        assertThat(entries).extracting(entry -> entry.get("action"))
                .containsExactly("api-key.created", "api-key.revoked");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo(admin.email());
            assertThat(entry.get("provider_id")).isEqualTo(provider);
            entry.values().forEach(value -> assertHoldsNothingSecretOf(created, String.valueOf(value)));
        });
        assertThat(entries.get(0).get("summary")).asString().contains("PSA sync").contains("read, write");
    }

    @Test
    void aKeyNeedsANameAndAScope() {
        assertRejected("name", () -> apiKeys.create("  ", EnumSet.of(ApiKeyScope.READ)));
        assertRejected("name", () -> apiKeys.create("x".repeat(101), EnumSet.of(ApiKeyScope.READ)));
        assertRejected("scopes", () -> apiKeys.create("PSA sync", Set.of()));
        assertThat(apiKeys.list()).isEmpty();
    }

    @Test
    void twoActiveKeysCannotShareANameButARevokedKeysNameIsFree() {
        ApiKey first = apiKeys.create("PSA sync", EnumSet.of(ApiKeyScope.READ)).key();

        assertRejected("name", () -> apiKeys.create("psa SYNC ", EnumSet.of(ApiKeyScope.READ)));
        apiKeys.revoke(first.id());
        assertThat(apiKeys.create("PSA sync", EnumSet.of(ApiKeyScope.READ)).key().active()).isTrue();
    }

    @Test
    void scopesAreTheAuthoritiesApiEndpointsCheck() {
        assertThat(EnumSet.allOf(ApiKeyScope.class)).extracting(ApiKeyScope::authority)
                .containsExactly("SCOPE_read", "SCOPE_write", "SCOPE_usage-ingest");
    }

    private static void assertRejected(String field, Runnable command) {
        assertThatExceptionOfType(RejectedInput.class).isThrownBy(command::run)
                .satisfies(rejected -> assertThat(rejected.field()).isEqualTo(field));
    }

    /**
     * Nothing of the key beyond its visible prefix: not the key, and no eight characters of its
     * random part, so it cannot be pieced together either.
     */
    static void assertHoldsNothingSecretOf(NewApiKey created, String stored) {
        String secret = created.secret();
        for (int start = ApiKeyManagement.PREFIX_LENGTH - 3; start + 8 <= secret.length(); start++) {
            assertThat(stored).doesNotContain(secret.substring(start, start + 8));
        }
    }
}
