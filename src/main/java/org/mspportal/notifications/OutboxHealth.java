package org.mspportal.notifications;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * How the outbox is doing. Mails that exhausted their retries make it DOWN, so a mail problem
 * shows on the health page; the SMTP connection itself is Spring Boot's {@code mail} check.
 */
@Component("outbox")
class OutboxHealth extends AbstractHealthIndicator {

    private final OutboundEmails outbox;
    private final boolean smtpConfigured;

    OutboxHealth(OutboundEmails outbox, @Value("${spring.mail.host:}") String smtpHost) {
        this.outbox = outbox;
        this.smtpConfigured = !smtpHost.isBlank();
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        long failed = outbox.countByStatus(OutboundEmail.Status.FAILED);
        (failed > 0 ? health.down() : health.up())
                .withDetail("delivery", smtpConfigured ? "smtp" : "dev-mailbox")
                .withDetail("pending", outbox.countByStatus(OutboundEmail.Status.PENDING))
                .withDetail("failed", failed);
    }
}
