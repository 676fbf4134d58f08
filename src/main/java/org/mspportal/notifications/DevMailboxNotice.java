package org.mspportal.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the first-time user, on every page and in the log, where their mails went. */
@ControllerAdvice(annotations = Controller.class)
@ConditionalOnDevMailbox
class DevMailboxNotice {

    private static final Logger log = LoggerFactory.getLogger(DevMailboxNotice.class);

    private final String baseUrl;

    DevMailboxNotice(@Value("${portal.base-url}") String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @ModelAttribute("devMailboxPath")
    String devMailboxPath() {
        return DevMailboxPages.PATH;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        log.info("No SMTP server configured: emails stay in the outbox. Read them at {}{}",
                baseUrl, DevMailboxPages.PATH);
    }
}
