package org.mspportal.alerts;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.RealSmtpServerTest;
import org.mspportal.SmtpDelivery;
import org.mspportal.TestClock;
import org.mspportal.identity.ApiKeyManagement;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.shared.WrittenDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMailUtil;

import static org.assertj.core.api.Assertions.assertThat;

/** An alert's mail through the outbox to a real SMTP server (GreenMail): delivered once. */
@DatabaseTest
class AlertMailDeliveryTests extends RealSmtpServerTest {

    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired ApiKeyManagement keys;
    @Autowired LicenceReminders reminders;
    @Autowired ApplicationContext context;

    @Test
    void aReminderIsDeliveredOnceThoughTheJobAndTheSenderRunAgain() throws Exception {
        smtpServer.start();
        SmtpDelivery.postponeMailOfOtherTests(jdbc);
        AlertFixtures msp = new AlertFixtures(jdbc, clock, plans, keys);
        LocalDate today = LocalDate.now(clock);
        msp.customer("株式会社 山田 🌸", "100", today, today.plusDays(3));

        reminders.sendDueReminders();
        deliverDueMails();
        reminders.sendDueReminders();
        clock.advance(Duration.ofHours(1));
        deliverDueMails();

        List<MimeMessage> received = Arrays.stream(smtpServer.getReceivedMessages())
                .filter(message -> SmtpDelivery.addressedTo(message, msp.activeAdministrator)).toList();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject())
                .isEqualTo("Licence of 株式会社 山田 🌸 expires in 3 days on " + WrittenDate.of(today.plusDays(3)));
        assertThat(GreenMailUtil.getWholeMessage(received.get(0))).contains("/customers/");
    }

    private void deliverDueMails() {
        SmtpDelivery.deliverDueMails(context);
    }
}
