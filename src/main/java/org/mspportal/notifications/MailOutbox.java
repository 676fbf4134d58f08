package org.mspportal.notifications;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a module sends email. The mail is rendered and written to the outbox inside the
 * caller's transaction: if the change that caused it rolls back, the mail never existed; if it
 * commits, the background sender delivers it, retrying while the mail server is unavailable.
 */
@Service
public class MailOutbox {

    private final MailTemplates templates;
    private final OutboundEmails outbox;
    private final Clock clock;

    MailOutbox(MailTemplates templates, OutboundEmails outbox, Clock clock) {
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Queues the mail and returns its outbox id. */
    @Transactional
    public long queue(OutgoingMail mail) {
        RenderedMail rendered = templates.render(mail.template(), mail.variables());
        return outbox.add(mail, rendered, clock.instant());
    }
}
