package org.mspportal.notifications;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.mspportal.DatabaseTest;
import org.mspportal.RealSmtpServerTest;
import org.mspportal.SmtpDelivery;
import org.mspportal.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox against a real SMTP server (GreenMail) that comes and goes. */
@DatabaseTest
class MailDeliveryTests extends RealSmtpServerTest {

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        // application.yml's 30 s, shortened so the test of a silent server takes a second
        properties.add("spring.mail.properties[mail.smtp.timeout]", () -> 1000);
    }

    @Autowired MailOutbox outbox;
    @Autowired MailDelivery delivery;
    @Autowired OutboundEmails outboundEmails;
    @Autowired TransactionTemplate transactions;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @Test
    void mailQueuedWhileTheServerIsDownIsDeliveredExactlyOnceWhenItIsBack() throws Exception {
        String recipient = uniqueRecipient();
        long id = transactions.execute(status -> outbox.queue(notice(recipient)));

        delivery.deliverDueMails();
        OutboundEmail afterFailure = outboundEmails.find(id).orElseThrow();
        assertThat(afterFailure.status()).isEqualTo(OutboundEmail.Status.PENDING);
        assertThat(afterFailure.attempts()).isEqualTo(1);
        assertThat(afterFailure.lastError()).isPresent();

        smtpServer.start();
        delivery.deliverDueMails();
        assertThat(receivedBy(recipient)).as("not retried before its backoff has passed").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        delivery.deliverDueMails();
        clock.advance(Duration.ofHours(2));
        delivery.deliverDueMails();

        List<MimeMessage> received = receivedBy(recipient);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Your link 🔗");
        assertThat(outboundEmails.find(id).orElseThrow().status()).isEqualTo(OutboundEmail.Status.SENT);
    }

    @Test
    void mailQueuedDuringALongOutageSurvivesEveryFailedAttemptAndGoesOutOnceWhenTheServerIsBack() throws Exception {
        SmtpDelivery.postponeMailOfOtherTests(jdbc);
        List<String> recipients = List.of(uniqueRecipient(), uniqueRecipient(), uniqueRecipient());
        List<Long> ids = recipients.stream()
                .map(recipient -> transactions.execute(status -> outbox.queue(notice(recipient)))).toList();

        for (int attempt = 1; attempt <= 4; attempt++) {
            delivery.deliverDueMails();
            clock.advance(Duration.ofHours(1));
        }
        assertThat(ids).allSatisfy(id -> {
            OutboundEmail waiting = outboundEmails.find(id).orElseThrow();
            assertThat(waiting.status()).isEqualTo(OutboundEmail.Status.PENDING);
            assertThat(waiting.attempts()).isEqualTo(4);
            assertThat(waiting.sentAt()).isEmpty();
            assertThat(waiting.textBody()).as("kept for the next attempt").contains("Your link is ready.");
        });

        smtpServer.start();
        delivery.deliverDueMails();
        clock.advance(Duration.ofHours(2));
        delivery.deliverDueMails();

        assertThat(recipients).allSatisfy(recipient -> assertThat(receivedBy(recipient)).hasSize(1));
        assertThat(ids).allSatisfy(id ->
                assertThat(outboundEmails.find(id).orElseThrow().status()).isEqualTo(OutboundEmail.Status.SENT));
    }

    @Test
    void aServerThatAcceptsButNeverAnswersCostsTheSenderOnlyItsTimeoutAndLosesNoMail() throws Exception {
        SmtpDelivery.postponeMailOfOtherTests(jdbc);
        String recipient = uniqueRecipient();
        long id = transactions.execute(status -> outbox.queue(notice(recipient)));

        // Listening without ever accepting: the connection opens, and no greeting ever comes.
        try (ServerSocket silent = new ServerSocket(SMTP_PORT, 50, InetAddress.getByName("127.0.0.1"))) {
            long start = System.nanoTime();
            delivery.deliverDueMails();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
        OutboundEmail afterTimeout = outboundEmails.find(id).orElseThrow();
        assertThat(afterTimeout.status()).isEqualTo(OutboundEmail.Status.PENDING);
        assertThat(afterTimeout.lastError()).isPresent();

        smtpServer.start();
        clock.advance(Duration.ofHours(1));
        delivery.deliverDueMails();

        assertThat(receivedBy(recipient)).hasSize(1);
        assertThat(outboundEmails.find(id).orElseThrow().status()).isEqualTo(OutboundEmail.Status.SENT);
    }

    @Test
    void mailWhoseCauseWasRolledBackIsNeverSent() throws Exception {
        String recipient = uniqueRecipient();
        smtpServer.start();

        transactions.executeWithoutResult(status -> {
            outbox.queue(notice(recipient));
            status.setRollbackOnly();
        });
        delivery.deliverDueMails();
        clock.advance(Duration.ofHours(1));
        delivery.deliverDueMails();

        assertThat(receivedBy(recipient)).isEmpty();
    }

    @Test
    void deliveredMailCarriesBothPartsAndItsBodiesAreDroppedFromTheOutbox() throws Exception {
        String recipient = uniqueRecipient();
        smtpServer.start();
        long id = transactions.execute(status -> outbox.queue(notice(recipient)));

        delivery.deliverDueMails();

        assertThat(GreenMailUtil.getWholeMessage(receivedBy(recipient).get(0)))
                .contains("text/plain").contains("text/html").contains("https://portal.example/activate");
        OutboundEmail sent = outboundEmails.find(id).orElseThrow();
        assertThat(sent.textBody()).isEmpty();
        assertThat(sent.htmlBody()).isEmpty();
    }

    @Test
    void sentMailIsForgottenAfterTheRetentionPeriodWhileMailStillDueStays() throws Exception {
        smtpServer.start();
        long sent = transactions.execute(status -> outbox.queue(notice(uniqueRecipient())));
        delivery.deliverDueMails();
        smtpServer.stop();
        long due = transactions.execute(status -> outbox.queue(notice(uniqueRecipient())));

        clock.advance(Duration.ofDays(30).minusMinutes(1));
        delivery.forgetOldMails();
        assertThat(outboundEmails.find(sent)).isPresent();

        clock.advance(Duration.ofMinutes(2));
        delivery.forgetOldMails();
        assertThat(outboundEmails.find(sent)).isEmpty();
        assertThat(outboundEmails.find(due)).isPresent();
    }

    private List<MimeMessage> receivedBy(String recipient) {
        if (!smtpServer.isRunning()) {
            return List.of();
        }
        return Arrays.stream(smtpServer.getReceivedMessages())
                .filter(message -> SmtpDelivery.addressedTo(message, recipient))
                .toList();
    }

    static OutgoingMail notice(String recipient) {
        return new OutgoingMail(recipient, "Your link 🔗", "notice", Map.of(
                "heading", "Hello Zoë 山田",
                "paragraphs", List.of("Your link is ready."),
                "actionLabel", "Open the portal",
                "actionUrl", "https://portal.example/activate"), Optional.empty());
    }

    static String uniqueRecipient() {
        return "admin-" + UUID.randomUUID() + "@msp.example";
    }
}
