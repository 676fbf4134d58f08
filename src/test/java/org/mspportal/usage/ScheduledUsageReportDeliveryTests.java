package org.mspportal.usage;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.RealSmtpServerTest;
import org.mspportal.SmtpDelivery;
import org.mspportal.TestClock;
import org.mspportal.TestMsps;
import org.mspportal.identity.Role;
import org.mspportal.identity.SignedInAdministrator;
import org.mspportal.plans.CreateServicePlan;
import org.mspportal.plans.Edition;
import org.mspportal.plans.ServicePlanManagement;
import org.mspportal.plans.UsageReportFrequency;
import org.mspportal.plans.Workload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMailUtil;

import static org.assertj.core.api.Assertions.assertThat;

/** A scheduled usage report through the outbox to a real SMTP server (GreenMail): delivered once. */
@DatabaseTest
class ScheduledUsageReportDeliveryTests extends RealSmtpServerTest {

    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired ServicePlanManagement plans;
    @Autowired ScheduledUsageReports reports;
    @Autowired ApplicationContext context;

    @AfterEach
    void signOut() {
        TestMsps.actAsNobody();
    }

    @Test
    void aReportIsDeliveredOnceThoughTheJobAndTheSenderRunAgain() throws Exception {
        smtpServer.start();
        SmtpDelivery.postponeMailOfOtherTests(jdbc);
        TestMsps msps = new TestMsps(jdbc, clock);
        UUID provider = msps.provider();
        SignedInAdministrator admin = msps.stored(provider, Role.MSP_ADMINISTRATOR);
        jdbc.sql("UPDATE account SET status = 'ACTIVE' WHERE id = :id").param("id", admin.accountId()).update();
        TestMsps.actAs(admin);
        UUID plan = plans.create(new CreateServicePlan("Yearly report", Edition.ELITE, UsageReportFrequency.YEARLY,
                EnumSet.allOf(Workload.class))).id();
        TestMsps.actAsNobody();
        UUID customer = new TestCustomers(jdbc, clock).onPlan(provider, plan);
        int year = LocalDate.now(clock).getYear();
        clock.advance(Duration.between(clock.instant(), LocalDate.of(year + 1, 1, 1).atTime(1, 0)
                .toInstant(ZoneOffset.UTC)));

        reports.sendDueReports();
        deliverDueMails();
        reports.sendDueReports();
        clock.advance(Duration.ofHours(1));
        deliverDueMails();

        List<MimeMessage> received = Arrays.stream(smtpServer.getReceivedMessages())
                .filter(message -> SmtpDelivery.addressedTo(message, admin.email())).toList();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Usage report: 株式会社 " + customer + " — " + year);
        assertThat(GreenMailUtil.getWholeMessage(received.get(0))).contains("/reports/global-usage");
    }

    private void deliverDueMails() {
        SmtpDelivery.deliverDueMails(context);
    }
}
