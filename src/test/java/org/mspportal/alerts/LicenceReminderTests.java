package org.mspportal.alerts;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.Mailbox;
import org.mspportal.TestClock;
import org.mspportal.TestMsps;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.identity.Role;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.shared.WrittenDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Licence expiry reminders from the daily job, which the tests run themselves with the test clock. */
@DatabaseTest
class LicenceReminderTests {

    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired ApiKeyManagement keys;
    @Autowired AlertManagement alerts;
    @Autowired LicenceReminders reminders;

    AlertFixtures msp;
    LocalDate today;
    Mailbox mailbox;

    @BeforeEach
    void anMsp() {
        msp = new AlertFixtures(jdbc, clock, plans, keys);
        today = LocalDate.now(clock);
        mailbox = new Mailbox(jdbc);
    }

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void eachConfiguredDayRemindsExactlyOnceEvenWhenTheJobRunsTwiceADay() {
        UUID customer = msp.customer("Contoso Ltd", "100", today, today.plusDays(31));

        for (int day = 0; day <= 31; day++) {
            reminders.sendDueReminders();
            reminders.sendDueReminders();
            clock.advance(Duration.ofDays(1));
        }

        assertThat(msp.alertsOf(customer)).extracting(AlertFixtures.Raised::threshold).containsExactly(1, 3, 7, 15, 30);
        assertThat(mailbox.to(msp.activeAdministrator)).extracting(Mailbox.Mail::subject).containsExactly(
                "Licence of Contoso Ltd expires in 30 days on " + WrittenDate.of(today.plusDays(31)),
                "Licence of Contoso Ltd expires in 15 days on " + WrittenDate.of(today.plusDays(31)),
                "Licence of Contoso Ltd expires in 7 days on " + WrittenDate.of(today.plusDays(31)),
                "Licence of Contoso Ltd expires in 3 days on " + WrittenDate.of(today.plusDays(31)),
                "Licence of Contoso Ltd expires in 1 day on " + WrittenDate.of(today.plusDays(31)));
    }

    @Test
    void aReminderMissedOnItsDayIsSentOnceTheNextDay() {
        UUID customer = msp.customer("Fabrikam", "100", today, today.plusDays(29));

        reminders.sendDueReminders();
        clock.advance(Duration.ofDays(1));
        reminders.sendDueReminders();

        assertThat(msp.alertsOf(customer)).containsExactly(new AlertFixtures.Raised("LICENCE_EXPIRY", 30, true));
        assertThat(mailbox.latestTo(msp.activeAdministrator).subject())
                .isEqualTo("Licence of Fabrikam expires in 29 days on " + WrittenDate.of(today.plusDays(29)));
    }

    @Test
    void afterSeveralMissedDaysOnlyTheLatestDueReminderIsSent() {
        UUID customer = msp.customer("Northwind", "100", today, today.plusDays(14));

        reminders.sendDueReminders();

        assertThat(msp.alertsOf(customer)).extracting(AlertFixtures.Raised::threshold).containsExactly(15);
    }

    @Test
    void aLicenceMovedToANewDateIsRemindedAgain() {
        UUID customer = msp.customer("Tailspin", "100", today, today.plusDays(7));
        reminders.sendDueReminders();

        jdbc.sql("UPDATE customer SET licence_expiry_date = :date WHERE id = :id")
                .param("date", today.plusDays(30)).param("id", customer).update();
        reminders.sendDueReminders();

        assertThat(msp.alertsOf(customer)).extracting(AlertFixtures.Raised::threshold).containsExactly(7, 30);
    }

    @Test
    void anMspsOwnReminderDaysDecideWhichRemindersGoOut() {
        TestMsps.actAs(msp.provider, Role.MSP_ADMINISTRATOR);
        alerts.changeSettings("80", "90", "100", "60, 10");
        TestMsps.actAsNobody();
        UUID inTen = msp.customer("Wingtip", "100", today, today.plusDays(10));
        UUID inTwenty = msp.customer("Litware", "100", today, today.plusDays(20));
        UUID inNinety = msp.customer("Adatum", "100", today, today.plusDays(90));

        reminders.sendDueReminders();

        assertThat(msp.alertsOf(inTen)).extracting(AlertFixtures.Raised::threshold).containsExactly(10);
        assertThat(msp.alertsOf(inTwenty)).extracting(AlertFixtures.Raised::threshold).containsExactly(60);
        assertThat(msp.alertsOf(inNinety)).isEmpty();
    }

    @Test
    void anExpiredLicenceGetsNoReminder() {
        UUID customer = msp.customer("Proseware", "100", today.minusYears(1), today);

        reminders.sendDueReminders();

        assertThat(msp.alertsOf(customer)).isEmpty();
    }
}
