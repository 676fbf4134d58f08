package org.mspportal.alerts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.Role;
import org.mspportal.plans.ServicePlanManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Alerts page and the thresholds page, as MSP and read-only administrators use them. */
@DatabaseTest
@AutoConfigureMockMvc
class AlertPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired ApiKeyManagement keys;
    @Autowired AlertRecords records;

    AlertFixtures msp;
    RequestPostProcessor admin;
    RequestPostProcessor readOnly;

    @BeforeEach
    void anMspWithAdministrators() {
        msp = new AlertFixtures(jdbc, clock, plans, keys);
        admin = authentication(TestMsps.of(msp.provider, Role.MSP_ADMINISTRATOR));
        readOnly = authentication(TestMsps.of(msp.provider, Role.READ_ONLY_ADMINISTRATOR));
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void anEmptyListSaysWhatWillAppear() throws Exception {
        mvc.perform(get("/alerts").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No alerts yet")));
    }

    @Test
    void alertsAreListedNewestFirstWithTheUnreadCountInTheNavigation() throws Exception {
        UUID older = msp.customer("مؤسسة الأمل", "100", LocalDate.now(clock));
        UUID newer = msp.customer("Crème brûlée 🍮", "100", LocalDate.now(clock));
        raise(older, AlertKind.QUOTA_WARNING, 80, 0);
        raise(newer, AlertKind.QUOTA_EXHAUSTED, 100, 60);

        String page = mvc.perform(get("/alerts").with(readOnly))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 unread alerts")))
                .andExpect(content().string(containsString("href=\"/customers/" + older + "\"")))
                .andReturn().getResponse().getContentAsString();

        assertThat(page.indexOf("Crème brûlée 🍮")).isLessThan(page.indexOf("مؤسسة الأمل"));
        assertThat(page).contains("Quota exhausted", "Quota warning");
    }

    @Test
    void markingAnAlertReadLowersTheUnreadCount() throws Exception {
        UUID customer = msp.customer("Contoso", "100", LocalDate.now(clock));
        UUID alert = raise(customer, AlertKind.QUOTA_WARNING, 80, 0);
        raise(customer, AlertKind.QUOTA_CRITICAL, 90, 1);

        mvc.perform(post("/alerts/{id}/read", alert).with(csrf()).with(admin)).andExpect(redirectedUrl("/alerts"));

        assertThat(records.unread(msp.provider)).isEqualTo(1);
        mvc.perform(get("/alerts").with(admin)).andExpect(content().string(containsString("1 unread alerts")));
    }

    @Test
    void anotherMspsAlertsAreNeitherListedNorMarkable() throws Exception {
        AlertFixtures other = new AlertFixtures(jdbc, clock, plans, keys);
        UUID theirs = other.customer("Their customer", "100", LocalDate.now(clock));
        UUID alert = raise(other.provider, theirs, AlertKind.QUOTA_WARNING, 80, 0);

        mvc.perform(get("/alerts").with(admin)).andExpect(content().string(not(containsString("Their customer"))));
        mvc.perform(post("/alerts/{id}/read", alert).with(csrf()).with(admin)).andExpect(status().isNotFound());
        assertThat(records.unread(other.provider)).isEqualTo(1);
    }

    @Test
    void readOnlyAdministratorsCannotMarkAlertsRead() throws Exception {
        UUID alert = raise(msp.customer("Fabrikam", "100", LocalDate.now(clock)), AlertKind.QUOTA_WARNING, 80, 0);

        mvc.perform(post("/alerts/{id}/read", alert).with(csrf()).with(readOnly)).andExpect(status().isForbidden());
    }

    @Test
    void tenantAdministratorsNeitherSeeAlertsNorTheirCountNorTheEntry() throws Exception {
        raise(msp.customer("Contoso", "100", LocalDate.now(clock)), AlertKind.QUOTA_WARNING, 80, 0);
        RequestPostProcessor tenantAdmin = authentication(TestMsps.of(msp.provider, Role.TENANT_ADMINISTRATOR));

        mvc.perform(get("/alerts").with(tenantAdmin)).andExpect(status().isForbidden());
        mvc.perform(get("/").with(tenantAdmin)).andExpect(content().string(not(containsString("unread alerts"))))
                .andExpect(content().string(not(containsString("href=\"/alerts\""))));
        mvc.perform(get("/").with(admin)).andExpect(content().string(containsString("(1 unread alerts)")))
                .andExpect(content().string(containsString("href=\"/alerts\"")));
    }

    @Test
    void theSettingsShowTheDefaultsUntilChanged() throws Exception {
        mvc.perform(get("/alerts/settings").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"80\"")))
                .andExpect(content().string(containsString("value=\"30, 15, 7, 3, 1\"")));
    }

    @Test
    void savedSettingsAreKeptAndAudited() throws Exception {
        mvc.perform(post("/alerts/settings").param("warningPercent", "70").param("criticalPercent", "85")
                        .param("exhaustedPercent", "100").param("reminderDays", "7 60,30").with(csrf()).with(admin))
                .andExpect(redirectedUrl("/alerts/settings"));

        mvc.perform(get("/alerts/settings").with(readOnly))
                .andExpect(content().string(containsString("value=\"70\"")))
                .andExpect(content().string(containsString("value=\"60, 30, 7\"")));
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE provider_id = :provider AND object_type = 'alert-settings'")
                .param("provider", msp.provider).query(String.class).list()).containsExactly("alert-settings.updated");
    }

    @Test
    void levelsOutOfOrderAreRefusedAtTheirField() throws Exception {
        mvc.perform(post("/alerts/settings").param("warningPercent", "90").param("criticalPercent", "80")
                        .param("exhaustedPercent", "100").param("reminderDays", "30").with(csrf()).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"criticalPercent-error\"")))
                .andExpect(content().string(containsString("The critical level must be above the warning level (90 %).")));
    }

    @Test
    void aPercentageOutsideOneToAHundredIsRefused() throws Exception {
        mvc.perform(post("/alerts/settings").param("warningPercent", "0").param("criticalPercent", "90")
                        .param("exhaustedPercent", "100").param("reminderDays", "30").with(csrf()).with(admin))
                .andExpect(content().string(containsString("id=\"warningPercent-error\"")));
        mvc.perform(post("/alerts/settings").param("warningPercent", "80").param("criticalPercent", "90")
                        .param("exhaustedPercent", "101").param("reminderDays", "30").with(csrf()).with(admin))
                .andExpect(content().string(containsString("id=\"exhaustedPercent-error\"")));
    }

    @Test
    void reminderDaysMustBeWholeDaysUpToAYear() throws Exception {
        mvc.perform(post("/alerts/settings").param("warningPercent", "80").param("criticalPercent", "90")
                        .param("exhaustedPercent", "100").param("reminderDays", "30, 400").with(csrf()).with(admin))
                .andExpect(content().string(containsString("Each day must be from 1 to 365.")));
        mvc.perform(post("/alerts/settings").param("warningPercent", "80").param("criticalPercent", "90")
                        .param("exhaustedPercent", "100").param("reminderDays", "soon").with(csrf()).with(admin))
                .andExpect(content().string(containsString("id=\"reminderDays-error\"")));
    }

    @Test
    void readOnlyAdministratorsSeeTheSettingsButCannotChangeThem() throws Exception {
        mvc.perform(get("/alerts/settings").with(readOnly))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Only MSP administrators can change the thresholds.")))
                .andExpect(content().string(not(containsString("Save thresholds"))));
        mvc.perform(post("/alerts/settings").param("warningPercent", "70").param("criticalPercent", "85")
                        .param("exhaustedPercent", "100").param("reminderDays", "30").with(csrf()).with(readOnly))
                .andExpect(status().isForbidden());
    }

    @Test
    void changingSettingsWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/alerts/settings").param("warningPercent", "70").param("criticalPercent", "85")
                        .param("exhaustedPercent", "100").param("reminderDays", "30").with(admin))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_settings WHERE provider_id = :provider")
                .param("provider", msp.provider).query(Long.class).single()).isZero();
    }

    private UUID raise(UUID customer, AlertKind kind, int threshold, int secondsLater) {
        return raise(msp.provider, customer, kind, threshold, secondsLater);
    }

    private UUID raise(UUID provider, UUID customer, AlertKind kind, int threshold, int secondsLater) {
        String name = jdbc.sql("SELECT account_name FROM customer WHERE id = :id").param("id", customer)
                .query(String.class).single();
        AlertRecords.NewAlert alert = new AlertRecords.NewAlert(UUID.randomUUID(), provider, customer, name, kind,
                threshold, LocalDate.now(clock), new BigDecimal(threshold), new BigDecimal("100"), null,
                clock.instant().plusSeconds(secondsLater));
        records.recordOnce(alert);
        records.markAnnounced(alert.id());
        return alert.id();
    }
}
