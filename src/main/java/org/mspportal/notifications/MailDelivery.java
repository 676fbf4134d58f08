package org.mspportal.notifications;

import java.time.Clock;
import java.time.Instant;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background sender: delivers due outbox mails through SMTP, one cluster-wide run at a time.
 * A failed attempt is retried later with a doubling wait, so a mail queued while the server is
 * down goes out once it is back. Exists only when an SMTP host is configured.
 *
 * <p>Each mail is claimed for {@code portal.mail.claim-lease} before it is sent, so two runs at
 * once (two instances, or a run outliving its ShedLock lock) never send the same mail. That lets
 * the lock be short: an instance killed mid-run holds back the others for at most its
 * {@code lockAtMostFor}, and its claimed mail for at most the lease. A kill after the SMTP server
 * accepted a mail but before it was marked sent still sends it again after the lease (at least
 * once); the {@code X-Portal-Outbox-Id} header lets a receiver tell.
 */
@Component
@ConditionalOnProperty(name = "spring.mail.host")
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutboundEmails outbox;
    private final JavaMailSender sender;
    private final PortalMailSettings settings;
    private final Clock clock;

    MailDelivery(OutboundEmails outbox, JavaMailSender sender, PortalMailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${portal.mail.poll-interval:PT5S}")
    @SchedulerLock(name = "mail-delivery", lockAtMostFor = "PT30S")
    public void deliverDueMails() {
        for (OutboundEmail mail : outbox.dueAt(clock.instant(), settings.batchSize())) {
            Instant now = clock.instant();
            if (outbox.claim(mail.id(), now, now.plus(settings.claimLease()))) {
                deliver(mail);
            }
        }
    }

    /** Forgets mails sent longer ago than {@code portal.mail.keep-sent-for}, once an hour across the cluster. */
    @Scheduled(cron = "${portal.mail.purge-cron:0 47 * * * *}")
    @SchedulerLock(name = "mail-purge", lockAtMostFor = "PT10M")
    public void forgetOldMails() {
        outbox.forgetSentBefore(clock.instant().minus(settings.keepSentFor()));
    }

    private void deliver(OutboundEmail mail) {
        try {
            sender.send(message -> compose(message, mail));
            outbox.markSent(mail.id(), clock.instant());
        } catch (MailException failure) {
            recordFailure(mail, failure);
        }
    }

    private void compose(MimeMessage message, OutboundEmail mail) throws MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.textBody(), mail.htmlBody());
        message.setHeader("X-Portal-Outbox-Id", Long.toString(mail.id()));
    }

    private void recordFailure(OutboundEmail mail, MailException failure) {
        int failedAttempts = mail.attempts() + 1;
        Instant now = clock.instant();
        boolean givingUp = failedAttempts >= settings.maxAttempts();
        OutboundEmail.Status status = givingUp ? OutboundEmail.Status.FAILED : OutboundEmail.Status.PENDING;
        outbox.markAttemptFailed(mail.id(), status, now.plus(settings.retryDelayAfter(failedAttempts)),
                summary(failure));
        log.warn("Mail {} not delivered (attempt {}{}): {}", mail.id(), failedAttempts,
                givingUp ? ", giving up" : "", summary(failure));
    }

    private static String summary(MailException failure) {
        String text = failure.getClass().getSimpleName() + ": " + failure.getMostSpecificCause().getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
