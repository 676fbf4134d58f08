package org.mspportal.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.Role;
import org.mspportal.plans.ServicePlanManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mspportal.alerts.AlertFixtures.batch;
import static org.mspportal.alerts.AlertFixtures.credits;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Quota alerts, raised as usage arrives through the ingestion API, once per threshold and quota window. */
@DatabaseTest
@AutoConfigureMockMvc
class QuotaAlertTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired ApiKeyManagement keys;
    @Autowired AlertManagement alerts;

    AlertFixtures msp;
    LocalDate today;
    Mailbox mailbox;

    @BeforeEach
    void anMspWithAnIngestKey() {
        msp = new AlertFixtures(jdbc, clock, plans, keys);
        today = LocalDate.now(clock);
        mailbox = new Mailbox(jdbc);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void seventyNinePercentRaisesNoAlert() throws Exception {
        UUID customer = msp.customer("Contoso", "100", today.minusDays(10));

        send(batch(credits(customer, "VMWARE", today, "79")));

        assertThat(msp.alertsOf(customer)).isEmpty();
        assertThat(mailbox.to(msp.activeAdministrator)).isEmpty();
    }

    @Test
    void eightyPercentRaisesAWarningMailedToTheActiveMspAdministratorsOnly() throws Exception {
        UUID customer = msp.customer("株式会社 テスト 🚀", "100", today.minusDays(10));

        send(batch(credits(customer, "VMWARE", today.minusDays(1), "50"), credits(customer, "NAS", today, "30")));

        assertThat(msp.alertsOf(customer)).containsExactly(new AlertFixtures.Raised("QUOTA_WARNING", 80, true));
        Mailbox.Mail mail = mailbox.latestTo(msp.activeAdministrator);
        assertThat(mail.subject()).isEqualTo("Quota warning: 株式会社 テスト 🚀 has used 80.0 % of its credit quota");
        assertThat(mail.text()).contains("80 of its 100 credits", "/customers/" + customer);
        assertThat(mailbox.to(msp.invitedAdministrator)).isEmpty();
        assertThat(mailbox.to(msp.readOnlyAdministrator)).isEmpty();
    }

    @Test
    void crossingNinetyThenAHundredInTwoBatchesGivesTwoAlerts() throws Exception {
        UUID customer = msp.customer("Fabrikam", "200", today.minusDays(10));
        send(batch(credits(customer, "VMWARE", today.minusDays(3), "170")));

        send(batch(credits(customer, "VMWARE", today.minusDays(2), "12")));
        send(batch(credits(customer, "VMWARE", today.minusDays(1), "18")));

        assertThat(msp.alertsOf(customer)).containsExactly(new AlertFixtures.Raised("QUOTA_WARNING", 80, true),
                new AlertFixtures.Raised("QUOTA_CRITICAL", 90, true), new AlertFixtures.Raised("QUOTA_EXHAUSTED", 100, true));
        assertThat(mailbox.to(msp.activeAdministrator)).extracting(Mailbox.Mail::subject)
                .containsExactly("Quota warning: Fabrikam has used 85.0 % of its credit quota",
                        "Quota critical: Fabrikam has used 91.0 % of its credit quota",
                        "Quota exhausted: Fabrikam has used 100.0 % of its credit quota");
    }

    @Test
    void aBatchJumpingPastEveryThresholdAnnouncesOnlyTheHighestAndTheLowerNeverFollow() throws Exception {
        UUID customer = msp.customer("Northwind", "100", today.minusDays(10));
        send(batch(credits(customer, "VMWARE", today.minusDays(2), "50")));

        send(batch(credits(customer, "VMWARE", today.minusDays(1), "55")));
        send(batch(credits(customer, "NAS", today, "1")));

        assertThat(msp.alertsOf(customer)).containsExactly(new AlertFixtures.Raised("QUOTA_WARNING", 80, false),
                new AlertFixtures.Raised("QUOTA_CRITICAL", 90, false), new AlertFixtures.Raised("QUOTA_EXHAUSTED", 100, true));
        assertThat(mailbox.to(msp.activeAdministrator)).extracting(Mailbox.Mail::subject)
                .containsExactly("Quota exhausted: Northwind has used 105.0 % of its credit quota");
    }

    @Test
    void resendingOrCorrectingUsageNeverRepeatsAnAlert() throws Exception {
        UUID customer = msp.customer("Tailspin", "100", today.minusDays(10));
        String over = batch(credits(customer, "VMWARE", today, "85"));
        send(over, "batch-1");

        send(over, "batch-1");
        send(over);
        send(batch(credits(customer, "VMWARE", today, "70")));
        send(batch(credits(customer, "VMWARE", today, "86")));

        assertThat(msp.alertsOf(customer)).containsExactly(new AlertFixtures.Raised("QUOTA_WARNING", 80, true));
        assertThat(mailbox.to(msp.activeAdministrator)).hasSize(1);
    }

    @Test
    void aNewQuotaWindowCanAlertAgain() throws Exception {
        UUID customer = msp.customer("Wingtip", "100", today.minusDays(40));
        send(batch(credits(customer, "VMWARE", today.minusDays(20), "85")));
        jdbc.sql("UPDATE customer SET quota_effective_date = :today WHERE id = :id")
                .param("today", today).param("id", customer).update();

        send(batch(credits(customer, "VMWARE", today, "81")));

        assertThat(jdbc.sql("SELECT window_start FROM alert WHERE customer_id = :id ORDER BY window_start")
                .param("id", customer).query(LocalDate.class).list())
                .containsExactly(today.minusDays(40), today);
        assertThat(mailbox.to(msp.activeAdministrator)).hasSize(2);
    }

    @Test
    void usageOutsideTheQuotaWindowDoesNotCount() throws Exception {
        UUID customer = msp.customer("Litware", "100", today.minusDays(5));

        send(batch(credits(customer, "VMWARE", today.minusDays(6), "90"), credits(customer, "NAS", today, "10")));

        assertThat(msp.alertsOf(customer)).isEmpty();
    }

    @Test
    void anMspsOwnThresholdsDecideWhenAlertsFire() throws Exception {
        UUID customer = msp.customer("Adatum", "100", today.minusDays(10));
        TestMsps.actAs(msp.provider, Role.MSP_ADMINISTRATOR);
        alerts.changeSettings("50", "60", "95", "30");
        TestMsps.actAsNobody();

        send(batch(credits(customer, "VMWARE", today, "55")));

        assertThat(msp.alertsOf(customer)).containsExactly(new AlertFixtures.Raised("QUOTA_WARNING", 50, true));
    }

    @Test
    void anAlertIsPublishedForLaterSubscribersAndListedForTheMsp() throws Exception {
        UUID customer = msp.customer("Proseware", "10", today.minusDays(10));

        send(batch(credits(customer, "VMWARE", today, "9.5")));

        TestMsps.actAs(msp.provider, Role.READ_ONLY_ADMINISTRATOR);
        assertThat(alerts.recent()).extracting(Alert::customerId, Alert::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(customer, AlertKind.QUOTA_CRITICAL));
        assertThat(alerts.unreadCount()).isEqualTo(1);
    }

    private void send(String body) throws Exception {
        send(body, null);
    }

    private void send(String body, String idempotencyKey) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/usage").contentType(MediaType.APPLICATION_JSON)
                .content(body).header("Authorization", "Bearer " + msp.ingestKey);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        mvc.perform(request).andExpect(status().isOk());
    }
}
