package org.mspportal.identity;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.PortalClient;
import org.mspportal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in journey over real HTTP: sessions, cookies and CSRF as a browser meets them. */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class SignInPagesTests {

    @LocalServerPort int port;
    @Autowired TestAccounts testAccounts;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    Mailbox mailbox;
    PortalClient browser;
    HttpSignIn steps;
    Account admin;

    @BeforeEach
    void aBrowserAndAnAdministrator() {
        mailbox = new Mailbox(jdbc);
        browser = new PortalClient(port);
        steps = new HttpSignIn(browser, mailbox);
        admin = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
    }

    @Test
    void emailPasswordAndCodeLeadIntoThePortal() {
        steps.signIn(admin);

        PortalClient.Page home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains(admin.email()).contains("Sign out");
    }

    @Test
    void signingInGivesTheSessionANewId() {
        steps.startWithEmail(admin);
        String before = browser.sessionCookie().orElseThrow();

        steps.passPasswordAndCode(admin);

        assertThat(browser.sessionCookie()).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void sessionIdsCarryAtLeast128RandomBits() {
        steps.startWithEmail(admin);

        String id = new String(java.util.Base64.getDecoder().decode(browser.sessionCookie().orElseThrow()));
        assertThat(java.util.Base64.getUrlDecoder().decode(id)).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/sign-in")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("HttpOnly")
                        .contains("SameSite=Lax"));
    }

    @Test
    void theCodeStepCannotBeSkippedFromAnotherTab() {
        steps.startWithEmail(admin);
        steps.passPassword();

        assertThat(browser.get("/audit").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void anUnknownEmailGetsExactlyTheAnswerOfAWrongPassword() {
        String unknown = "nobody-" + UUID.randomUUID() + "@msp.example";

        String forUnknown = passwordStepAnswer(unknown, TestAccounts.PASSWORD).replace(unknown, "EMAIL");
        String forWrongPassword = passwordStepAnswer(admin.email(), "not the password").replace(admin.email(), "EMAIL");

        assertThat(withoutCsrfToken(forUnknown)).isEqualTo(withoutCsrfToken(forWrongPassword));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        steps.startWithEmail(admin);
        steps.passPassword();

        PortalClient.Page forged = browser.postWithoutCsrf("/sign-in/code", "code", mailbox.latestCodeTo(admin.email()));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.get("/").redirectsTo("/sign-in")).as("not signed in").isTrue();
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverActive() {
        steps.signIn(admin);
        clock.advance(Duration.ofHours(11));
        assertThat(browser.get("/").status()).isEqualTo(200);

        clock.advance(Duration.ofHours(1));

        assertThat(browser.get("/").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void sessionsAreStoredInTheDatabaseUnderTheAccount() {
        steps.signIn(admin);

        long stored = jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :name")
                .param("name", admin.id().toString()).query(Long.class).single();
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void signingOutEndsTheSession() {
        steps.signIn(admin);

        browser.post("/sign-out");

        assertThat(browser.get("/").redirectsTo("/sign-in")).isTrue();
        long stored = jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :name")
                .param("name", admin.id().toString()).query(Long.class).single();
        assertThat(stored).isZero();
    }

    @Test
    void theFirstPageAskedForIsShownAfterSigningIn() {
        browser.get("/audit");

        assertThat(steps.signIn(admin).location()).get().asString().contains("/audit");
    }

    private String passwordStepAnswer(String email, String password) {
        PortalClient fresh = new PortalClient(port);
        fresh.get("/sign-in");
        fresh.post("/sign-in", "email", email);
        fresh.get("/sign-in/password");
        return fresh.post("/sign-in/password", "password", password).body();
    }

    private static String withoutCsrfToken(String page) {
        return page.replaceAll("value=\"[^\"]{20,}\"", "value=\"TOKEN\"").replaceAll("content=\"[^\"]{20,}\"", "content=\"TOKEN\"");
    }
}
