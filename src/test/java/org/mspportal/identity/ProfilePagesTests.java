package org.mspportal.identity;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
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

/** The "Profile & security" pages over real HTTP, signed in the way a browser signs in. */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class ProfilePagesTests {

    private static final Pattern SECRET_SHOWN = Pattern.compile("id=\"authenticator-secret\">([A-Z2-7 ]+)<");

    @LocalServerPort int port;
    @Autowired TestAccounts testAccounts;
    @Autowired Accounts accounts;
    @Autowired AdministratorManagement administrators;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    Mailbox mailbox;
    AuthenticatorCodes codes;
    UUID provider;
    Account admin;

    @BeforeEach
    void anMspWithAnAdministrator() {
        mailbox = new Mailbox(jdbc);
        codes = new AuthenticatorCodes(clock);
        provider = testAccounts.provider();
        admin = testAccounts.active(provider, Role.MSP_ADMINISTRATOR);
    }

    @AfterEach
    void nobodyActs() {
        TestAccounts.actAsNobody();
    }

    @Test
    void theProfileMenuLeadsToProfileAndSecurity() {
        PortalClient browser = signedIn(admin);

        assertThat(browser.get("/").body()).contains("href=\"/profile\"").contains("Profile &amp; security");
    }

    @Test
    void theProfileShowsWhoYouAreAndYourRecentSignIns() {
        PortalClient browser = signedIn(admin);

        PortalClient.Page profile = browser.get("/profile");

        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body())
                .contains(admin.email())
                .contains("MSP administrator")
                .contains("msp-" + provider)
                .contains("Recent sign-ins")
                .contains("Java HTTP client")
                .contains("Emailed code")
                .contains("Not set up");
    }

    @Test
    void anOperatorHasAProfileWithoutAnMspPolicy() {
        Account operator = testAccounts.active(null, Role.OPERATOR);
        PortalClient browser = signedIn(operator);

        PortalClient.Page profile = browser.get("/profile");

        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body()).contains("Platform operator").doesNotContain("Security policy of your MSP");
    }

    @Test
    void theSetUpPageShowsAQrCodeAndTheSameKeyUntilItIsConfirmed() {
        PortalClient browser = signedIn(admin);

        PortalClient.Page first = browser.get("/profile/authenticator");
        PortalClient.Page again = browser.get("/profile/authenticator");

        assertThat(first.body()).contains("<svg").contains("QR code to add MSP Portal to your authenticator app");
        assertThat(secretShownOn(again)).isEqualTo(secretShownOn(first));
        assertThat(testAccounts.reload(admin).authenticator()).as("nothing stored before a code confirms it").isEmpty();
    }

    @Test
    void aWrongCodeOnTheSetUpPageIsShownBesideTheFieldAndStoresNothing() {
        PortalClient browser = signedIn(admin);
        AuthenticatorSecret shown = secretShownOn(browser.get("/profile/authenticator"));

        PortalClient.Page refused = browser.post("/profile/authenticator", "code", aCodeTheAppDoesNotShow(shown));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("is-invalid").contains("That code does not match");
        assertThat(testAccounts.reload(admin).authenticator()).isEmpty();
    }

    @Test
    void theCodeFromTheKeyShownTurnsTheAppOnAndTheNextSignInUsesIt() {
        PortalClient browser = signedIn(admin);
        AuthenticatorSecret shown = secretShownOn(browser.get("/profile/authenticator"));

        PortalClient.Page confirmed = browser.post("/profile/authenticator", "code", codes.codeAt(shown, clock.instant()));

        assertThat(confirmed.redirectsTo("/profile")).isTrue();
        assertThat(browser.follow(confirmed).body()).contains("Your authenticator app is set up");
        assertThat(testAccounts.reload(admin).authenticator()).contains(shown);
        clock.advance(AuthenticatorCodes.STEP);
        int mailsBefore = mailbox.to(admin.email()).size();
        signedInWithApp(admin, shown);
        assertThat(mailbox.to(admin.email())).as("no code emailed").hasSize(mailsBefore);
    }

    @Test
    void whenTheMspRequiresAnAppAnAdministratorWithoutOneCanOpenNothingElseUntilTheyHaveOne() {
        requireAnApp();
        PortalClient browser = new PortalClient(port);

        PortalClient.Page afterCode = signIn(browser, admin, mailedCode());

        assertThat(afterCode.redirectsTo("/profile/authenticator")).isTrue();
        for (String page : new String[] {"/", "/profile", "/audit", "/dev/mailbox"}) {
            assertThat(browser.get(page).redirectsTo("/profile/authenticator")).as(page).isTrue();
        }
        assertThat(browser.get("/css/portal.css").status()).isEqualTo(200);
        PortalClient.Page setUp = browser.get("/profile/authenticator");
        assertThat(setUp.body()).contains("Your MSP requires an authenticator app");
        assertThat(browser.post("/profile/sign-out-everywhere").redirectsTo("/profile/authenticator")).isTrue();

        AuthenticatorSecret shown = secretShownOn(setUp);
        browser.post("/profile/authenticator", "code", codes.codeAt(shown, clock.instant()));

        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void someoneKeptOnTheSetUpPageCanStillSignOut() {
        requireAnApp();
        PortalClient browser = new PortalClient(port);
        signIn(browser, admin, mailedCode());
        browser.get("/profile/authenticator");

        assertThat(browser.post("/sign-out").redirectsTo("/sign-in?signed-out")).isTrue();
        assertThat(browser.get("/").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void anAdministratorWithAnAppIsNotStoppedByTheRequirement() {
        AuthenticatorSecret secret = enrolled(admin);
        requireAnApp();

        PortalClient browser = signedInWithApp(admin, secret);

        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void removingOnesOwnAppIsRefusedWithAClearMessageWhenTheMspRequiresOne() {
        AuthenticatorSecret secret = enrolled(admin);
        requireAnApp();
        PortalClient browser = signedInWithApp(admin, secret);
        browser.get("/profile");

        PortalClient.Page refused = browser.post("/profile/authenticator/remove");

        assertThat(browser.follow(refused).body()).contains("Your MSP requires an authenticator app for all "
                + "administrators, so you cannot remove yours");
        assertThat(testAccounts.reload(admin).authenticator()).contains(secret);
    }

    @Test
    void removingOnesOwnAppReturnsToEmailedCodesWhereTheMspAllowsIt() {
        AuthenticatorSecret secret = enrolled(admin);
        PortalClient browser = signedInWithApp(admin, secret);
        browser.get("/profile");

        PortalClient.Page removed = browser.post("/profile/authenticator/remove");

        assertThat(browser.follow(removed).body()).contains("Your authenticator app is removed");
        assertThat(testAccounts.reload(admin).authenticator()).isEmpty();
    }

    @Test
    void anMspAdministratorWithAnAppRequiresOneForEveryoneFromTheProfilePage() {
        PortalClient browser = signedInWithApp(admin, enrolled(admin));
        assertThat(browser.get("/profile").body()).contains("Require an authenticator app for all administrators");

        PortalClient.Page saved = browser.post("/profile/authenticator-policy", "required", "true");

        assertThat(browser.follow(saved).body()).contains("An authenticator app is now required");
        assertThat(appRequired()).isTrue();
    }

    @Test
    void aReadOnlyAdministratorSeesThePolicyButCannotChangeIt() {
        Account readOnly = testAccounts.active(provider, Role.READ_ONLY_ADMINISTRATOR);
        PortalClient browser = signedIn(readOnly);

        PortalClient.Page profile = browser.get("/profile");
        PortalClient.Page refused = browser.post("/profile/authenticator-policy", "required", "true");

        assertThat(profile.body()).contains("Only MSP administrators can change this")
                .doesNotContain("/profile/authenticator-policy");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(appRequired()).isFalse();
    }

    @Test
    void signingOutOfAllSessionsEndsTheOtherBrowsersSessionToo() {
        PortalClient laptop = signedIn(admin);
        PortalClient phone = signedIn(admin);
        laptop.get("/profile");

        PortalClient.Page signedOut = laptop.post("/profile/sign-out-everywhere");

        assertThat(signedOut.redirectsTo("/sign-in?signed-out-everywhere")).isTrue();
        assertThat(laptop.follow(signedOut).body()).contains("You have signed out of all your sessions");
        assertThat(phone.get("/").redirectsTo("/sign-in")).isTrue();
        assertThat(laptop.get("/").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void aColleagueRemovingALostAppSignsItsOwnerOutAndTheySignInWithAnEmailedCode() {
        Account colleague = testAccounts.active(provider, Role.MSP_ADMINISTRATOR);
        PortalClient colleaguesBrowser = signedInWithApp(colleague, enrolled(colleague));
        TestAccounts.actAs(admin);

        administrators.removeAuthenticator(colleague.id());

        assertThat(colleaguesBrowser.get("/").redirectsTo("/sign-in")).isTrue();
        PortalClient again = new PortalClient(port);
        assertThat(signIn(again, colleague, () -> mailbox.latestCodeTo(colleague.email())).redirectsTo("/")).isTrue();
    }

    // --- signing in over HTTP --------------------------------------------------------------

    private PortalClient signedIn(Account account) {
        PortalClient browser = new PortalClient(port);
        PortalClient.Page done = signIn(browser, account, () -> mailbox.latestCodeTo(account.email()));
        assertThat(done.redirectsTo("/")).as("signed in with an emailed code").isTrue();
        return browser;
    }

    private PortalClient signedInWithApp(Account account, AuthenticatorSecret secret) {
        PortalClient browser = new PortalClient(port);
        PortalClient.Page done = signIn(browser, account, () -> codes.codeAt(secret, clock.instant()));
        assertThat(done.redirectsTo("/")).as("signed in with an app code").isTrue();
        return browser;
    }

    /** Email, password, then the code the supplier gives once the code step is reached. */
    private PortalClient.Page signIn(PortalClient browser, Account account, Supplier<String> code) {
        browser.get("/sign-in");
        browser.post("/sign-in", "email", account.email());
        PortalClient.Page password = browser.post("/sign-in/password", "password", TestAccounts.PASSWORD);
        assertThat(password.redirectsTo("/sign-in/code")).as("password step passed (not throttled)").isTrue();
        return browser.post("/sign-in/code", "code", code.get());
    }

    private Supplier<String> mailedCode() {
        return () -> mailbox.latestCodeTo(admin.email());
    }

    // --- arranging ---------------------------------------------------------------------------

    private AuthenticatorSecret enrolled(Account account) {
        AuthenticatorSecret secret = AuthenticatorSecret.generate();
        accounts.setAuthenticator(account.id(), Optional.of(secret), OptionalLong.empty());
        return secret;
    }

    private void requireAnApp() {
        jdbc.sql("UPDATE provider SET require_authenticator = TRUE WHERE id = :id").param("id", provider).update();
    }

    private boolean appRequired() {
        return jdbc.sql("SELECT require_authenticator FROM provider WHERE id = :id").param("id", provider)
                .query(Boolean.class).single();
    }

    private static AuthenticatorSecret secretShownOn(PortalClient.Page page) {
        Matcher shown = SECRET_SHOWN.matcher(page.body());
        assertThat(shown.find()).as("a key for typing into the app is shown").isTrue();
        return AuthenticatorSecret.fromBase32(shown.group(1).replace(" ", ""));
    }

    /** Six digits that match none of the steps the check tolerates right now. */
    private String aCodeTheAppDoesNotShow(AuthenticatorSecret secret) {
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean shown = false;
            for (int offset = -1; offset <= 1; offset++) {
                shown |= codes.codeAt(secret, clock.instant().plus(AuthenticatorCodes.STEP.multipliedBy(offset)))
                        .equals(code);
            }
            if (!shown) {
                return code;
            }
        }
    }
}
