package org.mspportal.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API keys pages as a signed-in administrator sees and uses them. */
@DatabaseTest
@AutoConfigureMockMvc
class ApiKeyPagesTests {

    private static final Pattern SHOWN_KEY = Pattern.compile("msp_[A-Za-z0-9_-]{43}");

    @Autowired MockMvc mvc;
    @Autowired ApiKeyManagement apiKeys;
    @Autowired Accounts accounts;
    @Autowired PasswordEncoder passwords;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    TestAccounts testAccounts;
    UUID provider;
    Account admin;

    /** Made here rather than imported, so this class shares the other page tests' application context. */
    @BeforeEach
    void anMspAdministrator() {
        testAccounts = new TestAccounts(accounts, passwords, jdbc, clock);
        provider = testAccounts.provider();
        admin = testAccounts.active(provider, Role.MSP_ADMINISTRATOR);
    }

    @AfterEach
    void signOut() {
        TestAccounts.actAsNobody();
    }

    @Test
    void theListShowsTheMspsKeysWithPrefixScopesCreatorAndLastUse() throws Exception {
        NewApiKey ours = keyOf(admin, "PSA sync", ApiKeyScope.READ, ApiKeyScope.USAGE_INGEST);
        keyOf(testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR), "Their billing", ApiKeyScope.READ);

        mvc.perform(get("/api-keys").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("PSA sync")))
                .andExpect(content().string(containsString(ours.key().prefix() + "…")))
                .andExpect(content().string(containsString("usage-ingest")))
                .andExpect(content().string(containsString("by " + admin.email())))
                .andExpect(content().string(containsString("Never")))
                .andExpect(content().string(not(containsString("Their billing"))))
                .andExpect(content().string(not(containsString(ours.secret()))));
    }

    @Test
    void anEmptyListSaysWhatKeysAreFor() throws Exception {
        mvc.perform(get("/api-keys").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No API keys yet")))
                .andExpect(content().string(containsString("Create your first API key")));
    }

    @Test
    void administratorsFindApiKeysInTheNavigation() throws Exception {
        mvc.perform(get("/").with(as(admin)))
                .andExpect(content().string(containsString("href=\"/api-keys\"")));
    }

    @Test
    void aCreatedKeyIsShownOnceWithAWarningAndNeverAgain() throws Exception {
        String page = mvc.perform(post("/api-keys").param("name", "PSA sync").param("scopes", "READ", "WRITE")
                        .with(csrf()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("It will not be shown again")))
                .andReturn().getResponse().getContentAsString();

        Matcher shown = SHOWN_KEY.matcher(page);
        assertThat(shown.find()).as("the page shows the key").isTrue();
        String secret = shown.group();
        assertThat(jdbc.sql("SELECT key_hash, scopes FROM api_key WHERE provider_id = :provider")
                .param("provider", provider).query().singleRow())
                .containsEntry("key_hash", Secrets.sha256(secret))
                .containsEntry("scopes", "read,write");
        mvc.perform(get("/api-keys").with(as(admin)))
                .andExpect(content().string(containsString("PSA sync")))
                .andExpect(content().string(not(containsString(secret))));
    }

    @Test
    void aMissingNameIsShownBesideTheNameField() throws Exception {
        mvc.perform(post("/api-keys").param("name", " ").param("scopes", "READ").with(csrf()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("id=\"name-error\"")))
                .andExpect(content().string(containsString("Give the key a name")));

        assertThat(keysOf(provider)).isZero();
    }

    @Test
    void noScopeIsShownBesideTheScopesAndTheNameIsKept() throws Exception {
        mvc.perform(post("/api-keys").param("name", "PSA sync").with(csrf()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"scopes-error\"")))
                .andExpect(content().string(containsString("Choose at least one scope.")))
                .andExpect(content().string(containsString("value=\"PSA sync\"")));

        assertThat(keysOf(provider)).isZero();
    }

    @Test
    void revokingOnThePageRevokesTheKeyAndSaysSo() throws Exception {
        NewApiKey key = keyOf(admin, "PSA sync", ApiKeyScope.READ);

        mvc.perform(post("/api-keys/{id}/revoke", key.key().id()).with(csrf()).with(as(admin)))
                .andExpect(redirectedUrl("/api-keys?revoked=" + key.key().id()));

        mvc.perform(get("/api-keys").param("revoked", key.key().id().toString()).with(as(admin)))
                .andExpect(content().string(containsString("Requests with it are now refused")))
                .andExpect(content().string(containsString("Revoked ")));
        TestAccounts.actAs(admin);
        assertThat(apiKeys.get(key.key().id()).active()).isFalse();
    }

    @Test
    void anotherMspsKeyIdIsNotFoundOnThePage() throws Exception {
        NewApiKey theirs = keyOf(testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR), "Theirs",
                ApiKeyScope.READ);

        mvc.perform(post("/api-keys/{id}/revoke", theirs.key().id()).with(csrf()).with(as(admin)))
                .andExpect(status().isNotFound());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE id = :id AND revoked_at IS NULL")
                .param("id", theirs.key().id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReadOnlyAdministratorSeesTheKeysButCannotCreateOrRevoke() throws Exception {
        NewApiKey key = keyOf(admin, "PSA sync", ApiKeyScope.READ);
        Account readOnly = testAccounts.active(provider, Role.READ_ONLY_ADMINISTRATOR);

        mvc.perform(get("/api-keys").with(as(readOnly)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("PSA sync")))
                .andExpect(content().string(containsString("Only MSP administrators can create or revoke")))
                .andExpect(content().string(not(containsString("Create API key"))))
                .andExpect(content().string(not(containsString("Revoke key"))));
        mvc.perform(post("/api-keys").param("name", "Mine").param("scopes", "READ").with(csrf()).with(as(readOnly)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api-keys/{id}/revoke", key.key().id()).with(csrf()).with(as(readOnly)))
                .andExpect(status().isForbidden());

        assertThat(keysOf(provider)).isEqualTo(1);
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/api-keys").param("name", "Forged").param("scopes", "WRITE").with(as(admin)))
                .andExpect(status().isForbidden());

        assertThat(keysOf(provider)).isZero();
    }

    private NewApiKey keyOf(Account creator, String name, ApiKeyScope first, ApiKeyScope... more) {
        TestAccounts.actAs(creator);
        try {
            return apiKeys.create(name, EnumSet.of(first, more));
        } finally {
            TestAccounts.actAsNobody();
        }
    }

    private long keysOf(UUID providerId) {
        return jdbc.sql("SELECT COUNT(*) FROM api_key WHERE provider_id = :provider").param("provider", providerId)
                .query(Long.class).single();
    }

    private static RequestPostProcessor as(Account account) {
        SignedInAdministrator principal = account.principal();
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(principal.role().authority()))));
    }
}
