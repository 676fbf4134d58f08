package org.mspportal.notifications;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An email to queue. {@code template} names a pair of templates, {@code mail/<template>.html} and
 * {@code mail/<template>.txt}, rendered with {@code variables}.
 */
public record OutgoingMail(
        String recipient,
        String subject,
        String template,
        Map<String, Object> variables,
        Optional<UUID> providerId) {

    public OutgoingMail {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("An outgoing mail needs a recipient");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("An outgoing mail needs a subject");
        }
        variables = Map.copyOf(variables);
    }
}
