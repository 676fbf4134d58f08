package org.mspportal.customers;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mspportal.DatabaseTest;
import org.mspportal.TestClock;
import org.mspportal.TestMsps;
import org.mspportal.customers.CustomerManagementTests.Draft;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Customers pages as an MSP's administrators see and use them. */
@DatabaseTest
@AutoConfigureMockMvc
class CustomerPagesTests {

    @Autowired MockMvc mvc;
    @Autowired CustomerManagement customers;
    @Autowired ServicePlanManagement plans;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    UUID provider;
    RequestPostProcessor admin;
    UUID gold;
    LocalDate today;

    @BeforeEach
    void anMspAdministratorWithAPlan() {
        provider = new TestMsps(jdbc, clock).provider();
        admin = authentication(TestMsps.of(provider, Role.MSP_ADMINISTRATOR));
        today = LocalDate.now(clock);
        gold = plan("Gold", Edition.ELITE);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    // --- the list ------------------------------------------------------------------------------

    @Test
    void everyMspAdministratorFindsCustomersInTheNavigationButOperatorsDoNot() throws Exception {
        for (Role role : List.of(Role.MSP_ADMINISTRATOR, Role.READ_ONLY_ADMINISTRATOR, Role.TENANT_ADMINISTRATOR)) {
            mvc.perform(get("/").with(authentication(TestMsps.of(provider, role))))
                    .andExpect(content().string(containsString("href=\"/customers\"")));
        }
        SignedInAdministrator operator = new SignedInAdministrator(UUID.randomUUID(), "operator@example.com",
                "Operator", null, Role.OPERATOR);
        mvc.perform(get("/").with(authentication(UsernamePasswordAuthenticationToken.authenticated(operator, null,
                        List.of(new SimpleGrantedAuthority(Role.OPERATOR.authority()))))))
                .andExpect(content().string(not(containsString("href=\"/customers\""))));
    }

    @Test
    void anEmptyListInvitesTheFirstCustomer() throws Exception {
        mvc.perform(get("/customers").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No customers yet")))
                .andExpect(content().string(containsString("href=\"/customers/new\"")))
                .andExpect(content().string(not(containsString("role=\"search\""))));
    }

    @Test
    void theListShowsEachCustomersPlanEditionTenancyRegionQuotaLicenceAndStatus() throws Exception {
        register("Acme", draft -> {
            draft.organization = "Acme Incorporated";
            draft.credits = new BigDecimal("1500.25");
            draft.licenceExpiry = today.plusDays(12);
        });

        mvc.perform(get("/customers").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Acme</a>")))
                .andExpect(content().string(containsString("Acme Incorporated")))
                .andExpect(content().string(containsString(">Gold</span>")))
                .andExpect(content().string(containsString(">Elite</span>")))
                .andExpect(content().string(containsString("30 days left")))
                .andExpect(content().string(containsString("Europe (Frankfurt)")))
                .andExpect(content().string(containsString("1\u00a0500.25")))
                .andExpect(content().string(containsString("In 12 days")))
                .andExpect(content().string(containsString("Active")))
                .andExpect(content().string(containsString("1 customer<")));
    }

    @Test
    void anExpiredLicenceIsMarkedExpired() throws Exception {
        register("Lapsed", draft -> draft.licenceExpiry = today.minusDays(1));

        mvc.perform(get("/customers").with(admin))
                .andExpect(content().string(containsString("licence-expired")))
                .andExpect(content().string(containsString("Expired")));
    }

    @Test
    void theSearchFindsCustomersByAccountOrOrganizationNameAndCountsTheMatches() throws Exception {
        register("Acme", draft -> draft.organization = "Globex Holdings");
        register("Globex Europe", draft -> draft.organization = null);
        register("Initech", draft -> draft.organization = null);

        mvc.perform(get("/customers").param("q", "globex").with(admin))
                .andExpect(content().string(containsString(">Acme</a>")))
                .andExpect(content().string(containsString(">Globex Europe</a>")))
                .andExpect(content().string(not(containsString(">Initech</a>"))))
                .andExpect(content().string(containsString("2 of 3 match")))
                .andExpect(content().string(containsString("value=\"globex\"")));
    }

    @Test
    void eachFilterNarrowsTheListAndStaysChosenInTheForm() throws Exception {
        UUID bronze = plan("Bronze", Edition.BUSINESS);
        register("On Gold", draft -> { });
        Customer commercial = registerOn(bronze, "Commercial One", draft -> {
            draft.tenantType = TenantType.COMMERCIAL;
            draft.region = "us-east-1";
            draft.licenceExpiry = today.plusDays(20);
        });
        asAdmin();
        customers.suspend(commercial.id());
        TestMsps.actAsNobody();

        expectOnly("Commercial One", "plan", bronze.toString());
        expectOnly("Commercial One", "edition", "BUSINESS");
        expectOnly("Commercial One", "type", "COMMERCIAL");
        expectOnly("Commercial One", "region", "us-east-1");
        expectOnly("Commercial One", "status", "SUSPENDED");
        expectOnly("Commercial One", "expiring", "30");
        expectOnly("On Gold", "type", "EVALUATION");
        assertThat(mvc.perform(get("/customers").param("region", "us-east-1").with(admin)).andReturn().getResponse()
                .getContentAsString()).containsPattern("<option value=\"us-east-1\"\\s+selected=\"selected\"");
    }

    @Test
    void theListIsSortedByTheChosenOrderAndTheHeadingsSwitchIt() throws Exception {
        register("Beta", draft -> draft.licenceExpiry = today.plusDays(5));
        clock.advance(Duration.ofSeconds(1));
        register("Alpha", draft -> draft.licenceExpiry = today.plusDays(90));
        clock.advance(Duration.ofSeconds(1));
        register("Gamma", draft -> draft.licenceExpiry = today.plusDays(40));

        assertThat(namesOnPage(get("/customers"))).containsExactly("Alpha", "Beta", "Gamma");
        assertThat(namesOnPage(get("/customers").param("sort", "name-desc"))).containsExactly("Gamma", "Beta", "Alpha");
        assertThat(namesOnPage(get("/customers").param("sort", "licence"))).containsExactly("Beta", "Gamma", "Alpha");
        assertThat(namesOnPage(get("/customers").param("sort", "newest"))).containsExactly("Gamma", "Alpha", "Beta");
        mvc.perform(get("/customers").param("q", "a").with(admin))
                .andExpect(content().string(containsString("href=\"/customers?q=a&amp;sort=name-desc\"")))
                .andExpect(content().string(containsString("aria-sort=\"ascending\"")));
    }

    @Test
    void theListIsPagedKeepingItsFiltersAndTheCountCoversEveryPage() throws Exception {
        for (int i = 1; i <= CustomerPages.PAGE_SIZE + 2; i++) {
            register(String.format("Customer %02d", i), draft -> { });
        }

        mvc.perform(get("/customers").with(admin))
                .andExpect(content().string(containsString("27 customers")))
                .andExpect(content().string(containsString("Page 1 of 2")));
        mvc.perform(get("/customers").param("q", "customer").with(admin))
                .andExpect(content().string(containsString("href=\"/customers?q=customer&amp;page=1\"")));
        assertThat(namesOnPage(get("/customers").param("q", "customer").param("page", "1")))
                .containsExactly("Customer 26", "Customer 27");
        assertThat(namesOnPage(get("/customers").param("page", "99"))).containsExactly("Customer 26", "Customer 27");
    }

    @Test
    void aLargeCountIsWrittenWithGroupedThousands() {
        assertThat(CustomerView.count(1234)).isEqualTo("1\u00a0234");
        assertThat(CustomerView.credits(new BigDecimal("1234567.50"))).isEqualTo("1\u00a0234\u00a0567.5");
    }

    @Test
    void filtersThatMakeNoSenseAreIgnoredWithANoteInsteadOfAnError() throws Exception {
        register("Acme", draft -> { });

        mvc.perform(get("/customers").param("plan", "not-a-plan").param("expiring", "-5").param("status", "GONE")
                        .param("sort", "price").param("page", "-3").param("region", "mars-north-1").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Acme</a>")))
                .andExpect(content().string(containsString("The plan in the address was not understood")))
                .andExpect(content().string(containsString("The licence expiry in the address was not understood")))
                .andExpect(content().string(containsString("The status in the address was not understood")))
                .andExpect(content().string(containsString("The storage region in the address was not understood")));
    }

    @Test
    void whenNothingMatchesThePageOffersToClearTheFilters() throws Exception {
        register("Acme", draft -> { });

        mvc.perform(get("/customers").param("q", "zzz").with(admin))
                .andExpect(content().string(containsString("No customers match these filters")))
                .andExpect(content().string(containsString("Clear filters")))
                .andExpect(content().string(not(containsString("No customers yet"))));
    }

    // --- adding a customer ---------------------------------------------------------------------

    @Test
    void theNewCustomerFormSuggestsAYearOfQuotaAndLicenceAndOffersOnlyActivePlans() throws Exception {
        UUID old = plan("Old plan", Edition.BUSINESS);
        asAdmin();
        plans.archive(old);
        TestMsps.actAsNobody();

        mvc.perform(get("/customers/new").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Account details")))
                .andExpect(content().string(containsString("Service details")))
                .andExpect(content().string(containsString("value=\"" + today + "\"")))
                .andExpect(content().string(containsString("value=\"" + today.plusYears(1) + "\"")))
                .andExpect(content().string(containsString("Gold · Elite")))
                .andExpect(content().string(not(containsString("Old plan"))))
                .andExpect(content().string(not(containsString("value=\"SANDBOX\""))))
                .andExpect(content().string(containsString("Europe (Frankfurt) · eu-central-1")));
    }

    @Test
    void withoutAnActivePlanTheFormSaysToCreateOneFirst() throws Exception {
        asAdmin();
        plans.archive(gold);
        TestMsps.actAsNobody();

        mvc.perform(get("/customers/new").with(admin))
                .andExpect(content().string(containsString("Create a service plan first")))
                .andExpect(content().string(containsString("href=\"/service-plans/new\"")))
                .andExpect(content().string(not(containsString("name=\"accountName\""))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"「株式会社テスト」", "شركة النسخ", "Backup 🚀", "Cafe\u0301"})
    void aCustomerWithANameInAnyScriptIsAddedAndItsPageOpens(String name) throws Exception {
        String stored = Normalizer.normalize(name, Normalizer.Form.NFC);

        String location = mvc.perform(addCustomer(name).with(csrf()).with(admin))
                .andExpect(redirectedUrlPattern("/customers/*"))
                .andExpect(flash().attribute("notice", containsString(stored)))
                .andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(location).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(stored)));
        assertThat(namesOnPage(get("/customers").param("q", stored))).containsExactly(stored);
    }

    @Test
    void fieldErrorsAreShownAtTheirFieldsWithTheTypedValuesKeptAndNothingIsStored() throws Exception {
        mvc.perform(post("/customers").param("accountName", "株式会社テスト").param("organizationName", "Org 🚀")
                        .param("servicePlanId", "").param("storageRegion", "eu-central-1")
                        .param("tenantType", "COMMERCIAL").param("creditQuota", "1,500")
                        .param("quotaEffectiveDate", today.toString()).param("quotaEndDate", today.minusDays(1).toString())
                        .param("licenseExpiryDate", "tomorrow").with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"servicePlanId-error\"")))
                .andExpect(content().string(containsString("Choose a service plan.")))
                .andExpect(content().string(containsString("id=\"creditQuota-error\"")))
                .andExpect(content().string(containsString("without thousands separators")))
                .andExpect(content().string(containsString("id=\"quotaEndDate-error\"")))
                .andExpect(content().string(containsString("id=\"licenseExpiryDate-error\"")))
                .andExpect(content().string(containsString("value=\"株式会社テスト\"")))
                .andExpect(content().string(containsString("value=\"Org 🚀\"")))
                .andExpect(content().string(containsString("value=\"1,500\"")))
                .andExpect(content().string(containsString("value=\"tomorrow\"")))
                .andExpect(content().string(containsString("value=\"COMMERCIAL\" checked")));

        assertThat(countStored()).isZero();
    }

    @Test
    void aNameAlreadyTakenIsShownBesideTheAccountName() throws Exception {
        register("Acme", draft -> { });

        mvc.perform(addCustomer("ACME").with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"accountName-error\"")))
                .andExpect(content().string(containsString("already have a customer called")));
        assertThat(countStored()).isEqualTo(1);
    }

    // --- a customer's page ---------------------------------------------------------------------

    @Test
    void theCustomerPageShowsItsDetailsAndTheActionsItAllows() throws Exception {
        Customer acme = register("Acme", draft -> {
            draft.address = "1 Main Street, Springfield";
            draft.phone = "+44 20 7946 0000";
        });

        mvc.perform(get("/customers/{id}", acme.id()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 Main Street, Springfield")))
                .andExpect(content().string(containsString("+44 20 7946 0000")))
                .andExpect(content().string(containsString("Europe (Frankfurt)")))
                .andExpect(content().string(containsString("12.5")))
                .andExpect(content().string(containsString("30 days left")))
                .andExpect(content().string(containsString("no plan changes yet")))
                .andExpect(content().string(containsString("Extend evaluation")))
                .andExpect(content().string(containsString("Convert to commercial")))
                .andExpect(content().string(containsString("Suspend customer")))
                .andExpect(content().string(containsString("action=\"/customers/" + acme.id() + "/tenant-console\"")))
                .andExpect(content().string(containsString("target=\"_blank\"")));
    }

    @Test
    void withoutScriptsAnActionsConfirmationIsShownInThePage() throws Exception {
        Customer acme = register("Acme", draft -> { });

        mvc.perform(get("/customers/{id}", acme.id()).param("confirm", "suspend").with(admin))
                .andExpect(content().string(containsString("confirm-inline")));
        mvc.perform(get("/customers/{id}", acme.id()).param("confirm", "resume").with(admin))
                .andExpect(content().string(not(containsString("confirm-inline"))));
    }

    @Test
    void aCustomerIsSuspendedAndResumedFromItsPage() throws Exception {
        Customer acme = register("Acme", draft -> { });

        mvc.perform(post("/customers/{id}/suspend", acme.id()).with(csrf()).with(admin))
                .andExpect(redirectedUrl("/customers/" + acme.id()))
                .andExpect(flash().attribute("notice", startsWith("Suspended \"Acme\"")));
        mvc.perform(get("/customers/{id}", acme.id()).with(admin))
                .andExpect(content().string(containsString("Suspended")))
                .andExpect(content().string(containsString("/customers/" + acme.id() + "/resume")));
        mvc.perform(post("/customers/{id}/resume", acme.id()).with(csrf()).with(admin))
                .andExpect(flash().attribute("notice", "Resumed \"Acme\"."));

        assertThat(stored(acme).status()).isEqualTo(CustomerStatus.ACTIVE);
    }

    @Test
    void suspendingTwiceSaysWhyInsteadOfFailing() throws Exception {
        Customer acme = register("Acme", draft -> { });
        mvc.perform(post("/customers/{id}/suspend", acme.id()).with(csrf()).with(admin));

        mvc.perform(post("/customers/{id}/suspend", acme.id()).with(csrf()).with(admin))
                .andExpect(redirectedUrl("/customers/" + acme.id()))
                .andExpect(flash().attribute("problem", "This customer is already suspended."));
    }

    @Test
    void aPlanChangeAppearsInThePlanHistoryWithWhoMadeIt() throws Exception {
        Customer acme = register("Acme", draft -> { });
        UUID silver = plan("Silver", Edition.BUSINESS);

        mvc.perform(post("/customers/{id}/plan", acme.id()).param("servicePlanId", silver.toString())
                        .param("version", String.valueOf(acme.version())).with(csrf()).with(admin))
                .andExpect(flash().attribute("notice", "Moved \"Acme\" to the plan \"Silver\"."));
        asAdmin();
        plans.archive(gold);
        TestMsps.actAsNobody();

        String page = mvc.perform(get("/customers/{id}", acme.id()).with(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("data-label=\"From\"[^>]*><span>Gold</span>\\s*<span[^>]*>Archived</span>")
                .containsPattern("data-label=\"To\"[^>]*><span>Silver</span>")
                .contains("admin-");
        assertThat(stored(acme).servicePlanId()).isEqualTo(silver);
    }

    @Test
    void aPlanChangeFromAnOutOfDatePageIsRefused() throws Exception {
        Customer acme = register("Acme", draft -> { });
        UUID silver = plan("Silver", Edition.BUSINESS);
        asAdmin();
        customers.suspend(acme.id());
        TestMsps.actAsNobody();

        mvc.perform(post("/customers/{id}/plan", acme.id()).param("servicePlanId", silver.toString())
                        .param("version", "0").with(csrf()).with(admin))
                .andExpect(flash().attribute("problem", containsString("changed by someone else")));
        assertThat(stored(acme).servicePlanId()).isEqualTo(gold);
    }

    @Test
    void anEvaluationIsExtendedOnceThenConvertedFromItsPage() throws Exception {
        Customer acme = register("Acme", draft -> { });

        mvc.perform(post("/customers/{id}/extend-evaluation", acme.id()).with(csrf()).with(admin))
                .andExpect(flash().attribute("notice", containsString(today.plusDays(60).toString())));
        mvc.perform(get("/customers/{id}", acme.id()).with(admin))
                .andExpect(content().string(containsString("Extended once already")))
                .andExpect(content().string(not(containsString("data-bs-target=\"#confirm-extend\""))));
        mvc.perform(post("/customers/{id}/convert-to-commercial", acme.id()).with(csrf()).with(admin))
                .andExpect(flash().attribute("notice", "\"Acme\" is now a commercial customer."));

        assertThat(stored(acme).tenantType()).isEqualTo(TenantType.COMMERCIAL);
    }

    @Test
    void aCustomerBeingMigratedShowsTheLockAndOffersNoChanges() throws Exception {
        Customer acme = register("Acme", draft -> { });
        jdbc.sql("UPDATE customer SET status = 'MIGRATION_IN_PROGRESS' WHERE id = :id").param("id", acme.id()).update();

        mvc.perform(get("/customers/{id}", acme.id()).with(admin))
                .andExpect(content().string(containsString("Being migrated — changes are locked")))
                .andExpect(content().string(not(containsString("/customers/" + acme.id() + "/edit"))))
                .andExpect(content().string(not(containsString("Suspend customer"))))
                .andExpect(content().string(not(containsString("Change plan"))));
        mvc.perform(get("/customers/{id}/edit", acme.id()).with(admin))
                .andExpect(redirectedUrl("/customers/" + acme.id()));
    }

    // --- editing -------------------------------------------------------------------------------

    @Test
    void theEditFormShowsTheCustomersValuesAndSavesTheChange() throws Exception {
        Customer acme = register("Acme", draft -> { });

        mvc.perform(get("/customers/{id}/edit", acme.id()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Acme\"")))
                .andExpect(content().string(containsString("value=\"12.5\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")))
                .andExpect(content().string(not(containsString("name=\"servicePlanId\""))));
        mvc.perform(edit(acme, "شركة النسخ", "99.75", "0").with(csrf()).with(admin))
                .andExpect(redirectedUrl("/customers/" + acme.id()))
                .andExpect(flash().attribute("notice", containsString("شركة النسخ")));

        assertThat(stored(acme).creditQuota()).isEqualByComparingTo("99.75");
        assertThat(stored(acme).accountName()).isEqualTo("شركة النسخ");
    }

    @Test
    void anEditFieldErrorIsShownAtTheFieldAndChangesNothing() throws Exception {
        Customer acme = register("Acme", draft -> { });

        mvc.perform(edit(acme, "Acme", "0", "0").with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"creditQuota-error\"")))
                .andExpect(content().string(containsString("must be more than 0")));
        assertThat(stored(acme).creditQuota()).isEqualByComparingTo("12.5");
    }

    @Test
    void savingAStaleEditSaysSomeoneElseChangedTheCustomerAndOverwritesNothing() throws Exception {
        Customer acme = register("Acme", draft -> { });
        mvc.perform(edit(acme, "Acme", "20", "0").with(csrf()).with(admin));

        mvc.perform(edit(acme, "Acme", "30", "0").with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("changed by someone else")))
                .andExpect(content().string(containsString("Reload the latest values")))
                .andExpect(content().string(containsString("value=\"30\"")));
        assertThat(stored(acme).creditQuota()).isEqualByComparingTo("20");
    }

    // --- who may see and change what -----------------------------------------------------------

    @Test
    void anotherMspsCustomerIsNotFoundOnEveryRoute() throws Exception {
        Customer theirs = register("Theirs", draft -> { });
        RequestPostProcessor other = authentication(TestMsps.of(new TestMsps(jdbc, clock).provider(),
                Role.MSP_ADMINISTRATOR));
        UUID id = theirs.id();

        mvc.perform(get("/customers/{id}", id).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/customers/{id}/edit", id).with(other)).andExpect(status().isNotFound());
        mvc.perform(edit(theirs, "Mine", "1", "0").with(csrf()).with(other)).andExpect(status().isNotFound());
        for (String action : List.of("suspend", "resume", "extend-evaluation", "convert-to-commercial", "plan")) {
            mvc.perform(post("/customers/{id}/" + action, id).param("servicePlanId", gold.toString())
                    .param("version", "0").with(csrf()).with(other)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/customers").with(other)).andExpect(content().string(not(containsString("Theirs"))));
        assertThat(stored(theirs)).isEqualTo(theirs);
    }

    @Test
    void anAddressThatIsNotAnIdIsNotFound() throws Exception {
        mvc.perform(get("/customers/not-an-id").with(admin)).andExpect(status().isNotFound());
    }

    @Test
    void aReadOnlyAdministratorSeesCustomersWithoutChangeButtonsAndIsRefusedEveryChange() throws Exception {
        Customer acme = register("Acme", draft -> { });
        RequestPostProcessor readOnly = authentication(TestMsps.of(provider, Role.READ_ONLY_ADMINISTRATOR));

        mvc.perform(get("/customers").with(readOnly))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Acme</a>")))
                .andExpect(content().string(not(containsString("Add customer"))));
        mvc.perform(get("/customers/{id}", acme.id()).with(readOnly))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Only MSP administrators can change customers.")))
                .andExpect(content().string(not(containsString("/customers/" + acme.id() + "/edit"))))
                .andExpect(content().string(not(containsString("Suspend customer"))))
                .andExpect(content().string(not(containsString("Change plan"))));
        mvc.perform(get("/customers/new").with(readOnly)).andExpect(status().isForbidden());
        mvc.perform(get("/customers/{id}/edit", acme.id()).with(readOnly)).andExpect(status().isForbidden());
        mvc.perform(addCustomer("Other").with(csrf()).with(readOnly)).andExpect(status().isForbidden());
        mvc.perform(post("/customers").param("accountName", "").with(csrf()).with(readOnly))
                .andExpect(status().isForbidden());
        mvc.perform(edit(acme, "Changed", "1", "0").with(csrf()).with(readOnly)).andExpect(status().isForbidden());
        for (String action : List.of("suspend", "resume", "extend-evaluation", "convert-to-commercial", "plan")) {
            mvc.perform(post("/customers/{id}/" + action, acme.id()).param("servicePlanId", gold.toString())
                    .param("version", "0").with(csrf()).with(readOnly)).andExpect(status().isForbidden());
        }

        assertThat(stored(acme)).isEqualTo(acme);
        assertThat(countStored()).isEqualTo(1);
    }

    // --- helpers -------------------------------------------------------------------------------

    private UUID plan(String name, Edition edition) {
        asAdmin();
        try {
            return plans.create(new CreateServicePlan(name, edition, UsageReportFrequency.MONTHLY,
                    EnumSet.of(Workload.MICROSOFT_365))).id();
        } finally {
            TestMsps.actAsNobody();
        }
    }

    private Customer register(String name, Consumer<Draft> change) {
        return registerOn(gold, name, change);
    }

    private Customer registerOn(UUID plan, String name, Consumer<Draft> change) {
        Draft draft = new Draft(today);
        draft.name = name;
        change.accept(draft);
        asAdmin();
        try {
            return customers.register(draft.build(provider, plan));
        } finally {
            TestMsps.actAsNobody();
        }
    }

    private Customer stored(Customer customer) {
        asAdmin();
        try {
            return customers.get(customer.id());
        } finally {
            TestMsps.actAsNobody();
        }
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder addCustomer(String name) {
        return post("/customers").param("accountName", name).param("servicePlanId", gold.toString())
                .param("tenantType", "EVALUATION").param("storageRegion", "eu-central-1").param("creditQuota", "10")
                .param("quotaEffectiveDate", today.toString()).param("quotaEndDate", today.plusYears(1).toString())
                .param("licenseExpiryDate", today.plusYears(1).toString());
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder edit(Customer customer,
            String name, String credits, String version) {
        return post("/customers/{id}", customer.id()).param("accountName", name)
                .param("organizationName", customer.organizationName()).param("tenantType", "EVALUATION")
                .param("storageRegion", customer.storageRegion()).param("creditQuota", credits)
                .param("quotaEffectiveDate", customer.quotaEffectiveDate().toString())
                .param("quotaEndDate", customer.quotaEndDate().toString())
                .param("licenseExpiryDate", customer.licenseExpiryDate().toString()).param("version", version);
    }

    /** Expects the list filtered by one parameter to hold exactly that customer. */
    private void expectOnly(String name, String parameter, String value) throws Exception {
        assertThat(namesOnPage(get("/customers").param(parameter, value))).as(parameter + "=" + value)
                .containsExactly(name);
    }

    /** The account names the list shows, top to bottom, read from the links of its table. */
    private List<String> namesOnPage(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        String page = mvc.perform(request.with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return java.util.regex.Pattern.compile("<a class=\"fw-semibold text-break\" href=\"/customers/[0-9a-f-]+\">([^<]*)</a>")
                .matcher(page).results().map(match -> org.springframework.web.util.HtmlUtils.htmlUnescape(match.group(1)))
                .toList();
    }

    private void asAdmin() {
        TestMsps.actAs(provider, Role.MSP_ADMINISTRATOR);
    }

    private long countStored() {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE provider_id = :provider").param("provider", provider)
                .query(Long.class).single();
    }
}
