package org.mspportal.providers;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.PortalClient;
import org.mspportal.TestClock;
import org.mspportal.shared.RejectedInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Onboarding, listing, suspending and reinstating MSPs, as the platform operator does it. */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProviderManagementTests {

    private static final String PASSWORD = "plum kettle orbit 7391";

    @Autowired ProviderManagement providers;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    Mailbox mailbox;
    /** Keeps names and emails of this test apart from everything else in the shared database. */
    String unique;

    @BeforeEach
    void signedInAsOperator() {
        mailbox = new Mailbox(jdbc);
        unique = UUID.randomUUID().toString().substring(0, 8);
        TestOperator.actAsOperator();
    }

    @AfterEach
    void signOut() {
        TestOperator.actAsNobody();
    }

    @Test
    void onboardingCreatesAnActiveMspAndMailsEachAdministratorAnActivationLink() {
        String alex = email("alex");
        String sam = email("sam");

        Provider provider = providers.onboard(new OnboardProvider("Northwind IT " + unique, List.of(alex, sam)));

        assertThat(providers.get(provider.id()).status()).isEqualTo(ProviderStatus.ACTIVE);
        for (String administrator : List.of(alex, sam)) {
            assertThat(mailbox.to(administrator)).extracting(Mailbox.Mail::subject)
                    .containsExactly("Activate your MSP Portal account");
            assertThat(mailbox.latestLinkPathTo(administrator)).startsWith("/activate/");
        }
    }

    @Test
    void onboardingIsAudited() {
        Provider provider = providers.onboard(new OnboardProvider("Contoso MSP " + unique, List.of(email("kim"))));

        assertThat(auditActionsOn(provider.id())).contains("provider.onboarded");
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE action = 'provider.onboarded' AND object_id = :id")
                .param("id", provider.id().toString()).query(String.class).single())
                .isEqualTo(TestOperator.OPERATOR.email());
    }

    @Test
    void aNameAlreadyTakenInAnyCaseIsRefused() {
        providers.onboard(new OnboardProvider("Fabrikam Backup " + unique, List.of(email("first"))));

        assertThatExceptionOfType(RejectedInput.class)
                .isThrownBy(() -> providers.onboard(new OnboardProvider("  FABRIKAM backup " + unique + " ",
                        List.of(email("second")))))
                .satisfies(rejected -> assertThat(rejected.field()).isEqualTo("name"));
        assertThat(accountExists(email("second"))).isFalse();
    }

    @Test
    void anEmailThatAlreadyHasAnAccountIsRefusedAndNothingIsStored() {
        String taken = email("taken");
        providers.onboard(new OnboardProvider("First MSP " + unique, List.of(taken)));
        String fresh = email("fresh");
        String refusedName = "Second MSP " + unique;

        assertThatExceptionOfType(RejectedInput.class)
                .isThrownBy(() -> providers.onboard(new OnboardProvider(refusedName, List.of(fresh, taken))))
                .satisfies(rejected -> {
                    assertThat(rejected.field()).isEqualTo("administratorEmails");
                    assertThat(rejected.getMessage()).contains(taken);
                });

        assertThat(providerNamed(refusedName)).as("no MSP row").isZero();
        assertThat(accountExists(fresh)).as("no account for the email that was fine").isFalse();
        assertThat(mailbox.to(fresh)).as("no activation mail either").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE summary = :summary")
                .param("summary", "Onboarded MSP " + refusedName).query(Long.class).single()).isZero();
    }

    @Test
    void anEmailThatIsNotOneIsRefusedBeforeAnythingIsStored() {
        String name = "Typo MSP " + unique;

        assertThatExceptionOfType(RejectedInput.class)
                .isThrownBy(() -> providers.onboard(new OnboardProvider(name, List.of(email("ok"), "not-an-email"))))
                .satisfies(rejected -> {
                    assertThat(rejected.field()).isEqualTo("administratorEmails");
                    assertThat(rejected.getMessage()).isEqualTo("\"not-an-email\" is not an email address.");
                });
        assertThat(providerNamed(name)).isZero();
        assertThat(accountExists(email("ok"))).isFalse();
    }

    @Test
    void anMspWithoutAdministratorsIsRefused() {
        assertThatExceptionOfType(RejectedInput.class)
                .isThrownBy(() -> providers.onboard(new OnboardProvider("Lonely MSP " + unique, List.of(" "))))
                .satisfies(rejected -> assertThat(rejected.field()).isEqualTo("administratorEmails"));
    }

    @Test
    void anMspAdministratorMayNotManageMsps() {
        Provider own = providers.onboard(new OnboardProvider("Own MSP " + unique, List.of(email("own"))));
        TestOperator.actAs(TestOperator.mspAdministratorOf(own.id()));

        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> providers.onboard(
                new OnboardProvider("Sneaky MSP " + unique, List.of(email("sneaky")))));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> providers.list(PageRequest.of(0, 10)));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> providers.suspend(own.id()));
        assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> providers.reinstate(own.id()));
    }

    @Test
    void theListFindsMspsByPartOfTheirNameInAnyCase() {
        providers.onboard(new OnboardProvider("Alpine Cloud " + unique, List.of(email("a"))));
        providers.onboard(new OnboardProvider("Baltic Cloud " + unique, List.of(email("b"))));
        providers.onboard(new OnboardProvider("Coral Backup " + unique, List.of(email("c"))));

        var found = providers.list("CLOUD " + unique.toUpperCase(), PageRequest.of(0, 10, Sort.by("name")));

        assertThat(found.getTotalElements()).isEqualTo(2);
        assertThat(found.getContent()).extracting(Provider::name)
                .containsExactly("Alpine Cloud " + unique, "Baltic Cloud " + unique);
    }

    @Test
    void aSearchTakesWildcardCharactersLiterally() {
        providers.onboard(new OnboardProvider("100% Uptime_" + unique, List.of(email("pct"))));
        providers.onboard(new OnboardProvider("1000 Uptimes " + unique, List.of(email("plain"))));

        assertThat(providers.list("0% uptime_" + unique, PageRequest.of(0, 10)).getContent())
                .extracting(Provider::name).containsExactly("100% Uptime_" + unique);
    }

    @Test
    void theListIsPagedAndCanBeSortedNewestFirst() {
        for (String name : List.of("One", "Two", "Three")) {
            providers.onboard(new OnboardProvider(name + " " + unique, List.of(email(name.toLowerCase()))));
            clock.advance(Duration.ofSeconds(1));
        }

        var newest = providers.list(unique, PageRequest.of(0, 2, Sort.by(Sort.Direction.DESC, "createdAt")));
        var rest = providers.list(unique, PageRequest.of(1, 2, Sort.by(Sort.Direction.DESC, "createdAt")));

        assertThat(newest.getTotalElements()).isEqualTo(3);
        assertThat(newest.getContent()).extracting(Provider::name).containsExactly("Three " + unique, "Two " + unique);
        assertThat(rest.getContent()).extracting(Provider::name).containsExactly("One " + unique);
    }

    @Test
    void suspendingAnMspEndsItsAdministratorsSessionsAndStopsThemSigningIn() {
        String admin = email("suspended");
        Provider provider = providers.onboard(new OnboardProvider("Suspended MSP " + unique, List.of(admin)));
        PortalClient browser = new PortalClient(port);
        activate(browser, admin);
        signIn(browser, admin);
        assertThat(browser.get("/").status()).as("signed in").isEqualTo(200);

        providers.suspend(provider.id());

        assertThat(browser.get("/").redirectsTo("/sign-in")).as("the session has ended").isTrue();
        assertThat(passwordStep(new PortalClient(port), admin).redirectsTo("/sign-in/code"))
                .as("the password step refuses").isFalse();
        assertThat(auditActionsOn(provider.id())).contains("provider.suspended");
    }

    @Test
    void reinstatingAnMspLetsItsAdministratorsSignInAgain() {
        String admin = email("reinstated");
        Provider provider = providers.onboard(new OnboardProvider("Reinstated MSP " + unique, List.of(admin)));
        activate(new PortalClient(port), admin);
        providers.suspend(provider.id());

        providers.reinstate(provider.id());

        PortalClient browser = new PortalClient(port);
        signIn(browser, admin);
        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(providers.get(provider.id()).status()).isEqualTo(ProviderStatus.ACTIVE);
        assertThat(auditActionsOn(provider.id())).contains("provider.reinstated");
    }

    private void activate(PortalClient browser, String email) {
        String link = mailbox.latestLinkPathTo(email);
        browser.get(link);
        PortalClient.Page activated = browser.post(link, "password", PASSWORD, "confirmation", PASSWORD);
        assertThat(activated.redirectsTo("/sign-in?activated")).as("activated").isTrue();
    }

    private PortalClient.Page passwordStep(PortalClient browser, String email) {
        browser.get("/sign-in");
        browser.post("/sign-in", "email", email);
        browser.get("/sign-in/password");
        return browser.post("/sign-in/password", "password", PASSWORD);
    }

    private void signIn(PortalClient browser, String email) {
        assertThat(passwordStep(browser, email).redirectsTo("/sign-in/code")).as("password accepted").isTrue();
        browser.get("/sign-in/code");
        assertThat(browser.post("/sign-in/code", "code", mailbox.latestCodeTo(email)).redirectsTo("/"))
                .as("code accepted").isTrue();
    }

    private List<String> auditActionsOn(UUID provider) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'provider' AND object_id = :id ORDER BY id")
                .param("id", provider.toString()).query(String.class).list();
    }

    private long providerNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM provider WHERE name = :name").param("name", name)
                .query(Long.class).single();
    }

    private boolean accountExists(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE email = :email").param("email", email)
                .query(Long.class).single() > 0;
    }

    private String email(String who) {
        return who + "-" + unique + "@msp.example";
    }
}
