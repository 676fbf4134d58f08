package org.mspportal.notifications;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * The development mailbox exists only when no SMTP host is configured (and it has not been
 * switched off): then mails stay in the outbox, and this is how a first-time user reads them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank() and ${portal.dev-mailbox.enabled:true}")
@interface ConditionalOnDevMailbox {
}
