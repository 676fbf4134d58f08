package org.mspportal.identity;

import java.util.List;
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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrators pages and API as each role sees them, and a deactivation felt over real HTTP. */
@DatabaseTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class AdministratorPagesTests {

    /** Every route that changes one administrator. */
    static final List<String> CHANGES = List.of("deactivate", "reactivate", "role", "resend-invitation", "unlock");

    @Autowired MockMvc mvc;
    @Autowired TestAccounts testAccounts;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    Mailbox mailbox;
    UUID msp;
    Account admin;

    @BeforeEach
    void anMspWithAnActiveMspAdministrator() {
        mailbox = new Mailbox(jdbc);
        msp = testAccounts.provider();
        admin = testAccounts.active(msp, Role.MSP_ADMINISTRATOR);
    }

    @Test
    void theListShowsTheMspsAdministratorsWithTheirStatusAndNoOtherMsps() throws Exception {
        Account colleague = testAccounts.active(msp, Role.READ_ONLY_ADMINISTRATOR);
        Account theirs = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);

        mvc.perform(get("/administrators").with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString(admin.email()), containsString(colleague.email()),
                        containsString("Read-only administrator"), containsString("status-active"),
                        not(containsString(theirs.email())))));
    }

    @Test
    void anMspAdministratorSeesTheActionsAndTheInviteButton() throws Exception {
        Account colleague = testAccounts.active(msp, Role.READ_ONLY_ADMINISTRATOR);

        mvc.perform(get("/administrators").with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Invite administrator"),
                        containsString("/administrators/" + colleague.id() + "/role"),
                        containsString("/administrators/" + colleague.id() + "/deactivate"))));
    }

    @Test
    void aReadOnlyAdministratorSeesTheListWithoutActions() throws Exception {
        Account readOnly = testAccounts.active(msp, Role.READ_ONLY_ADMINISTRATOR);

        mvc.perform(get("/administrators").with(signedInAs(readOnly)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString(admin.email()),
                        not(containsString("Invite administrator")),
                        not(containsString("/deactivate")),
                        not(containsString("/role\"")),
                        not(containsString("<select")))));
    }

    @Test
    void aLockedColleagueCanBeUnlockedFromTheListButNobodyFromTheirOwnRow() throws Exception {
        Account locked = testAccounts.active(msp, Role.MSP_ADMINISTRATOR);
        lock(locked);
        lock(admin);

        mvc.perform(get("/administrators").with(signedInAs(admin)))
                .andExpect(content().string(allOf(
                        containsString("status-locked"),
                        containsString("/administrators/" + locked.id() + "/unlock"),
                        not(containsString("/administrators/" + admin.id() + "/unlock")))));
    }

    @Test
    void anInvitationIsSentAndAnnouncedOnTheList() throws Exception {
        String email = "newcomer-" + UUID.randomUUID() + "@msp.example";

        mvc.perform(post("/administrators/invite").param("email", email).param("role", "TENANT_ADMINISTRATOR")
                        .with(csrf()).with(signedInAs(admin)))
                .andExpect(redirectedUrl("/administrators"))
                .andExpect(flash().attribute("notice", "Invitation sent to " + email + "."));

        assertThat(mailbox.latestTo(email).subject()).isEqualTo("Activate your MSP Portal account");
    }

    @Test
    void theInviteFormShowsAnEmptyEmailBesideTheField() throws Exception {
        mvc.perform(post("/administrators/invite").param("email", " ").param("role", "MSP_ADMINISTRATOR")
                        .with(csrf()).with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("is-invalid"),
                        containsString("Enter the email address of the person to invite."))));
    }

    @Test
    void theInviteFormRefusesAnEmailThatAlreadyHasAnAccountBesideTheField() throws Exception {
        Account existing = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);

        mvc.perform(post("/administrators/invite").param("email", existing.email()).param("role", "MSP_ADMINISTRATOR")
                        .with(csrf()).with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"email-error\""),
                        containsString(existing.email() + " already has an MSP Portal account."))));
    }

    @Test
    void theInviteFormRefusesARoleItDoesNotOffer() throws Exception {
        for (String role : List.of("OPERATOR", "KING")) {
            mvc.perform(post("/administrators/invite").param("email", "x-" + UUID.randomUUID() + "@msp.example")
                            .param("role", role).with(csrf()).with(signedInAs(admin)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("id=\"role-error\""),
                            not(containsString("Failed to convert")))));
        }
    }

    @Test
    void aReadOnlyAdministratorIsRefusedTheInviteForm() throws Exception {
        Account readOnly = testAccounts.active(msp, Role.READ_ONLY_ADMINISTRATOR);

        mvc.perform(get("/administrators/invite").with(signedInAs(readOnly))).andExpect(status().isForbidden());
        mvc.perform(post("/administrators/invite").param("email", "x-" + UUID.randomUUID() + "@msp.example")
                .param("role", "MSP_ADMINISTRATOR").with(csrf()).with(signedInAs(readOnly)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aReadOnlyAdministratorGets403ForEveryChange() throws Exception {
        Account readOnly = testAccounts.active(msp, Role.READ_ONLY_ADMINISTRATOR);
        Account target = testAccounts.active(msp, Role.MSP_ADMINISTRATOR);

        for (String change : CHANGES) {
            mvc.perform(post("/administrators/" + target.id() + "/" + change).param("role", "READ_ONLY_ADMINISTRATOR")
                            .with(csrf()).with(signedInAs(readOnly)))
                    .andExpect(status().isForbidden());
        }
        assertThat(testAccounts.reload(target).status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(testAccounts.reload(target).role()).isEqualTo(Role.MSP_ADMINISTRATOR);
    }

    @Test
    void anotherMspsAdministratorIsNotFoundOnEveryRoute() throws Exception {
        Account theirs = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
        testAccounts.active(msp, Role.MSP_ADMINISTRATOR);

        mvc.perform(get("/administrators/" + theirs.id()).with(signedInAs(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/administrators/" + theirs.id() + "/deactivate").with(signedInAs(admin)))
                .andExpect(status().isNotFound());
        for (String change : CHANGES) {
            mvc.perform(post("/administrators/" + theirs.id() + "/" + change).param("role", "READ_ONLY_ADMINISTRATOR")
                            .with(csrf()).with(signedInAs(admin)))
                    .andExpect(status().isNotFound());
        }
        assertThat(testAccounts.reload(theirs).status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(testAccounts.reload(theirs).role()).isEqualTo(Role.MSP_ADMINISTRATOR);
    }

    @Test
    void anAddressThatIsNotAnIdIsNotFound() throws Exception {
        mvc.perform(get("/administrators/not-an-id").with(signedInAs(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/administrators/not-an-id").with(signedInAs(admin)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theApiFindsNoAdministratorOfAnotherMsp() throws Exception {
        Account theirs = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);

        mvc.perform(get("/api/v1/administrators/" + theirs.id()).with(signedInAs(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/administrators").with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(admin.email()), not(containsString(theirs.email())))));
    }

    @Test
    void theApiDescribesAnAdministratorWithoutSecrets() throws Exception {
        mvc.perform(get("/api/v1/administrators/" + admin.id()).with(signedInAs(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(admin.email()))
                .andExpect(jsonPath("$.role").value("MSP_ADMINISTRATOR"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.locked").value(false))
                .andExpect(content().string(allOf(not(containsString("password")), not(containsString("totp")))));
    }

    @Test
    void theLastActiveMspAdministratorsDeactivationIsRefusedWithAnAlert() throws Exception {
        mvc.perform(post("/administrators/" + admin.id() + "/deactivate").with(csrf()).with(signedInAs(admin)))
                .andExpect(redirectedUrl("/administrators"))
                .andExpect(flash().attribute("problem", containsString("You are the last active MSP administrator")));
        assertThat(testAccounts.reload(admin).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void overHttpARefusalIsAnAlertOnTheListAndAnotherMspsIdIsNotFound() {
        Account theirs = testAccounts.active(testAccounts.provider(), Role.MSP_ADMINISTRATOR);
        PortalClient browser = new PortalClient(port);
        signIn(browser, admin);

        browser.get("/administrators");
        PortalClient.Page list = browser.follow(browser.post("/administrators/" + admin.id() + "/deactivate"));

        assertThat(list.body()).contains("alert-danger", "You are the last active MSP administrator of your MSP");
        PortalClient.Page notFound = browser.get("/administrators/" + theirs.id());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body()).doesNotContain(theirs.email());
    }

    @Test
    void aChangeMadeOnTheDetailPageReturnsThere() throws Exception {
        Account colleague = testAccounts.active(msp, Role.MSP_ADMINISTRATOR);

        mvc.perform(post("/administrators/" + colleague.id() + "/role").param("role", "TENANT_ADMINISTRATOR")
                        .param("back", "detail").with(csrf()).with(signedInAs(admin)))
                .andExpect(redirectedUrl("/administrators/" + colleague.id()))
                .andExpect(flash().attribute("notice", colleague.email() + " is now Tenant administrator."));
        assertThat(testAccounts.reload(colleague).role()).isEqualTo(Role.TENANT_ADMINISTRATOR);
    }

    @Test
    void deactivationEndsTheColleaguesSessionsAndTheyCannotSignInAgain() {
        Account colleague = testAccounts.active(msp, Role.MSP_ADMINISTRATOR);
        PortalClient colleaguesBrowser = new PortalClient(port);
        signIn(colleaguesBrowser, colleague);
        assertThat(colleaguesBrowser.get("/").status()).isEqualTo(200);
        PortalClient adminsBrowser = new PortalClient(port);
        signIn(adminsBrowser, admin);

        adminsBrowser.get("/administrators");
        PortalClient.Page deactivated = adminsBrowser.post("/administrators/" + colleague.id() + "/deactivate");

        assertThat(deactivated.redirectsTo("/administrators")).isTrue();
        assertThat(adminsBrowser.follow(deactivated).body())
                .contains(colleague.email() + " is deactivated and signed out everywhere.");
        assertThat(colleaguesBrowser.get("/").redirectsTo("/sign-in")).as("their session is over").isTrue();
        colleaguesBrowser.get("/sign-in");
        colleaguesBrowser.post("/sign-in", "email", colleague.email());
        colleaguesBrowser.get("/sign-in/password");
        PortalClient.Page refused = colleaguesBrowser.post("/sign-in/password", "password", TestAccounts.PASSWORD);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("this account cannot sign in at the moment");
    }

    @Test
    void whoeverGivesThemselvesAnotherRoleIsSignedOutToSignInWithIt() {
        testAccounts.active(msp, Role.MSP_ADMINISTRATOR);
        PortalClient browser = new PortalClient(port);
        signIn(browser, admin);

        browser.get("/administrators");
        PortalClient.Page changed = browser.post("/administrators/" + admin.id() + "/role",
                "role", "READ_ONLY_ADMINISTRATOR");

        assertThat(changed.redirectsTo("/sign-in?signed-out")).as(changed.toString()).isTrue();
        assertThat(testAccounts.reload(admin).role()).isEqualTo(Role.READ_ONLY_ADMINISTRATOR);
        assertThat(browser.get("/administrators").redirectsTo("/sign-in")).isTrue();
    }

    @Test
    void whoeverDeactivatesThemselvesIsSignedOut() {
        testAccounts.active(msp, Role.MSP_ADMINISTRATOR);
        PortalClient browser = new PortalClient(port);
        signIn(browser, admin);

        browser.get("/administrators");
        PortalClient.Page deactivated = browser.post("/administrators/" + admin.id() + "/deactivate");

        assertThat(deactivated.redirectsTo("/sign-in?signed-out")).as(deactivated.toString()).isTrue();
        assertThat(testAccounts.reload(admin).status()).isEqualTo(AccountStatus.DEACTIVATED);
        assertThat(browser.get("/administrators").redirectsTo("/sign-in")).isTrue();
    }

    /** The real three steps, with the code read from the mailbox. */
    private void signIn(PortalClient browser, Account account) {
        browser.get("/sign-in");
        browser.post("/sign-in", "email", account.email());
        browser.get("/sign-in/password");
        browser.post("/sign-in/password", "password", TestAccounts.PASSWORD);
        browser.get("/sign-in/code");
        PortalClient.Page signedIn = browser.post("/sign-in/code", "code", mailbox.latestCodeTo(account.email()));
        assertThat(signedIn.redirectsTo("/")).as("signed in as " + account.email()).isTrue();
    }

    private void lock(Account account) {
        accounts.lock(account.id(), clock.instant());
    }

    private static RequestPostProcessor signedInAs(Account account) {
        SignedInAdministrator principal = account.principal();
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(principal.role().authority()))));
    }
}
