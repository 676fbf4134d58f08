package org.mspportal;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/** What the tests that deliver mail through a real SMTP server (GreenMail) share. */
public final class SmtpDelivery {

    private SmtpDelivery() {
    }

    /** A port free now, for the SMTP server the test's context is pointed at. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The notifications module's sender, run as its schedule would (it is not public API). */
    public static void deliverDueMails(ApplicationContext context) {
        ReflectionTestUtils.invokeMethod(context.getBean("mailDelivery"), "deliverDueMails");
    }

    /**
     * Puts off the mail other test classes left pending in the shared test database. The sender
     * takes the oldest due mail first, a batch at a time, so without this a test's own mail could
     * wait behind thousands of others that no SMTP server will ever see.
     */
    public static void postponeMailOfOtherTests(JdbcClient jdbc) {
        jdbc.sql("UPDATE outbound_email SET next_attempt_at = :never WHERE status = 'PENDING'")
                .param("never", java.time.OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC))
                .update();
    }

    public static boolean addressedTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString).anyMatch(recipient::equals);
        } catch (MessagingException unreadable) {
            return false;
        }
    }
}
