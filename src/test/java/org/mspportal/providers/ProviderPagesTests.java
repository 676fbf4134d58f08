package org.mspportal.providers;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mspportal.providers.TestOperator.OPERATOR;
import static org.mspportal.providers.TestOperator.signedInAs;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator's MSP pages: list, onboarding form with its field errors, one MSP, suspend and reinstate. */
@DatabaseTest
@AutoConfigureMockMvc
class ProviderPagesTests {

    @Autowired MockMvc mvc;
    @Autowired ProviderManagement providers;
    @Autowired JdbcClient jdbc;

    String unique;

    @BeforeEach
    void uniqueNames() {
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void signOut() {
        TestOperator.actAsNobody();
    }

    @Test
    void anMspAdministratorIsRefusedEveryMspPage() throws Exception {
        Provider own = onboard("Own " + unique, email("own"));
        var admin = signedInAs(TestOperator.mspAdministratorOf(own.id()));

        for (String path : List.of("/providers", "/providers/new", "/providers/" + own.id(),
                "/providers/" + own.id() + "/administrators")) {
            mvc.perform(get(path).with(admin)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/providers/new").param("name", "Sneaky " + unique).param("administratorEmails", email("x"))
                .with(admin).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/providers/" + own.id() + "/suspend").with(admin).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(providerNamed("Sneaky " + unique)).isZero();
    }

    @Test
    void anMspAdministratorDoesNotSeeTheMspsSectionInTheNavigation() throws Exception {
        var admin = signedInAs(TestOperator.mspAdministratorOf(onboard("Nav " + unique, email("nav")).id()));

        mvc.perform(get("/").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/providers\""))));
    }

    @Test
    void theOperatorsHomePageOffersTheMspsSection() throws Exception {
        mvc.perform(get("/").with(signedInAs(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/providers\""),
                        containsString("Onboard MSPs with their first administrators"))));
    }

    @Test
    void theListShowsEachMspWithItsStatus() throws Exception {
        onboard("Active Cloud " + unique, email("active"));
        Provider suspended = onboard("Paused Cloud " + unique, email("paused"));
        TestOperator.actAsOperator();
        providers.suspend(suspended.id());

        String page = mvc.perform(get("/providers").param("search", unique).with(signedInAs(OPERATOR)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Active Cloud " + unique, "Paused Cloud " + unique, "2 MSPs");
        assertThat(page.indexOf("Active Cloud")).isLessThan(page.indexOf("Paused Cloud"));
        assertThat(page.substring(page.indexOf("Paused Cloud"))).contains("Suspended");
        assertThat(page).contains("href=\"/providers/" + suspended.id() + "\"");
    }

    @Test
    void theListCanPutSuspendedMspsFirst() throws Exception {
        onboard("Aaa " + unique, email("aaa"));
        Provider suspended = onboard("Zzz " + unique, email("zzz"));
        TestOperator.actAsOperator();
        providers.suspend(suspended.id());

        String page = mvc.perform(get("/providers").param("search", unique).param("sort", "status")
                        .with(signedInAs(OPERATOR)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page.indexOf("Zzz " + unique)).isLessThan(page.indexOf("Aaa " + unique));
        assertThat(page).contains("<option value=\"status\" selected=\"selected\">Suspended first</option>");
    }

    @Test
    void aSearchThatFindsNothingSaysSoAndOffersTheWholeList() throws Exception {
        mvc.perform(get("/providers").param("search", "no such msp " + unique).with(signedInAs(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("No MSP's name contains"),
                        containsString("list every MSP"))));
    }

    @Test
    void theOnboardingFormAsksForTheNameAndTheFirstAdministrators() throws Exception {
        mvc.perform(get("/providers/new").with(signedInAs(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"name\""),
                        containsString("name=\"administratorEmails\""), containsString("name=\"_csrf\""))));
    }

    @Test
    void onboardingLeadsToTheNewMspWithANoticeOfTheMailsSent() throws Exception {
        String alex = email("alex");
        String sam = email("sam");

        var result = mvc.perform(post("/providers/new").param("name", "Woodgrove " + unique)
                        .param("administratorEmails", alex + "\n" + sam + ",\n")
                        .with(signedInAs(OPERATOR)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/providers/*"))
                .andExpect(flash().attribute("notice", "Activation emails sent to " + alex + ", " + sam + "."))
                .andReturn();

        // The notice itself travels in the session; the browser journey sees it shown.
        mvc.perform(get(result.getResponse().getRedirectedUrl()).with(signedInAs(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Woodgrove " + unique), containsString("Active"),
                        containsString("Suspend MSP"))));
    }

    @Test
    void everyProblemOfTheFormIsShownBesideItsField() throws Exception {
        mvc.perform(post("/providers/new").param("name", " ").param("administratorEmails", "not-an-email, " + email("ok"))
                        .with(signedInAs(OPERATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Nothing was created"),
                        containsString("id=\"name-error\">Enter the MSP&#39;s name.</div>"),
                        containsString("&quot;not-an-email&quot; is not an email address."),
                        containsString("is-invalid"),
                        containsString("not-an-email, " + email("ok") + "</textarea>"))));
        assertThat(accountExists(email("ok"))).isFalse();
    }

    @Test
    void aTakenNameIsShownBesideTheNameField() throws Exception {
        onboard("Taken Name " + unique, email("first"));

        mvc.perform(post("/providers/new").param("name", "taken name " + unique).param("administratorEmails", email("second"))
                        .with(signedInAs(OPERATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "id=\"name-error\">An MSP with this name already exists</div>")));
        assertThat(accountExists(email("second"))).isFalse();
    }

    @Test
    void anEmailInUseIsShownBesideTheEmailsAndNothingIsCreated() throws Exception {
        String taken = email("taken");
        onboard("Holder " + unique, taken);

        mvc.perform(post("/providers/new").param("name", "Newcomer " + unique)
                        .param("administratorEmails", email("fresh") + "\n" + taken)
                        .with(signedInAs(OPERATOR)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(taken + " already has an MSP Portal account.")));
        assertThat(providerNamed("Newcomer " + unique)).isZero();
        assertThat(accountExists(email("fresh"))).isFalse();
    }

    @Test
    void theMspPageListsItsAdministrators() throws Exception {
        Provider provider = onboard("With Admins " + unique, email("b-second"), email("a-first"));

        mvc.perform(get("/providers/" + provider.id()).with(signedInAs(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "hx-get=\"/providers/" + provider.id() + "/administrators\"")));
        String fragment = mvc.perform(get("/providers/" + provider.id() + "/administrators").with(signedInAs(OPERATOR)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("Activation pending", "MSP administrator").doesNotContain("<html");
        assertThat(fragment.indexOf(email("a-first"))).isPositive().isLessThan(fragment.indexOf(email("b-second")));
    }

    @Test
    void suspendingFromTheMspPageConfirmsWhatHappened() throws Exception {
        Provider provider = onboard("Suspend Me " + unique, email("s"));

        mvc.perform(post("/providers/" + provider.id() + "/suspend").with(signedInAs(OPERATOR)).with(csrf()))
                .andExpect(redirectedUrl("/providers/" + provider.id()))
                .andExpect(flash().attribute("notice", containsString("is suspended")));

        mvc.perform(get("/providers/" + provider.id()).with(signedInAs(OPERATOR)))
                .andExpect(content().string(allOf(containsString("This MSP is suspended"),
                        containsString("Reinstate MSP"), not(containsString("Suspend MSP")))));
    }

    @Test
    void reinstatingFromTheMspPageMakesItActiveAgain() throws Exception {
        Provider provider = onboard("Bring Back " + unique, email("r"));
        TestOperator.actAsOperator();
        providers.suspend(provider.id());

        mvc.perform(post("/providers/" + provider.id() + "/reinstate").with(signedInAs(OPERATOR)).with(csrf()))
                .andExpect(redirectedUrl("/providers/" + provider.id()))
                .andExpect(flash().attribute("notice", containsString("is active again")));

        TestOperator.actAsOperator();
        assertThat(providers.get(provider.id()).status()).isEqualTo(ProviderStatus.ACTIVE);
    }

    @Test
    void anUnknownMspIsNotFound() throws Exception {
        mvc.perform(get("/providers/" + UUID.randomUUID()).with(signedInAs(OPERATOR)))
                .andExpect(status().isNotFound());
    }

    private Provider onboard(String name, String... emails) {
        TestOperator.actAsOperator();
        try {
            return providers.onboard(new OnboardProvider(name, List.of(emails)));
        } finally {
            TestOperator.actAsNobody();
        }
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
