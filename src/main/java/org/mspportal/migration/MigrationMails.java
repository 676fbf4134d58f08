package org.mspportal.migration;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mspportal.notifications.MailOutbox;
import org.mspportal.notifications.OutgoingMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The emails that announce each stage to whoever must act, queued in the transaction that moved it. */
@Component
class MigrationMails {

    /** How mails and refusals write an instant. */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MailOutbox outbox;
    private final String baseUrl;

    MigrationMails(MailOutbox outbox, @Value("${portal.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    void actionRequired(Migration migration, Collection<String> administrators) {
        administrators.forEach(to -> send(to, migration, "Action required: migrate \"" + migration.accountName()
                + "\" into " + migration.providerName(), Map.of(
                "heading", "A customer is ready to move into your portal",
                "paragraphs", List.of("The platform operator asks you to migrate \"" + migration.accountName()
                                + "\" (" + migration.reference() + ") into " + migration.providerName() + ".",
                        "Nominate the customer's cloud administrator, who approves the move, and the MSP "
                                + "administrator who will handle it."),
                "actionLabel", "Open the migration",
                "actionUrl", migrationUrl(migration))));
    }

    void approvalRequested(Migration migration, String token) {
        send(migration.cloudAdministratorEmail(), migration, "Approve the migration of \"" + migration.accountName()
                + "\" to " + migration.providerName(), Map.of(
                "heading", "Your approval is needed",
                "paragraphs", List.of(migration.providerName() + " asks to manage your account \""
                                + migration.accountName() + "\" from now on.",
                        "Open the link to see what moves, then approve or decline. Opening it changes nothing."),
                "actionLabel", "Review the migration",
                "actionUrl", baseUrl + "/migration-approval/" + token,
                "footnote", "If you do not know " + migration.providerName() + ", decline the migration."));
    }

    /** The handler learns the migration is coming to them before the customer has even approved it. */
    void handlerNominated(Migration migration) {
        send(migration.handlerEmail(), migration, "You will handle the migration of \"" + migration.accountName()
                + "\"", Map.of(
                "heading", "A migration is coming to you",
                "paragraphs", List.of("You were nominated to handle the migration " + migration.reference() + " of \""
                                + migration.accountName() + "\" into " + migration.providerName() + ".",
                        "Its cloud administrator, " + migration.cloudAdministratorEmail() + ", has been asked to "
                                + "approve it. Once they do, you will receive a verification token by email; then "
                                + "sign in, enter it and choose the customer's service plan."),
                "actionLabel", "Open the migration",
                "actionUrl", migrationUrl(migration)));
    }

    void verificationToken(Migration migration, String token, Instant expiresAt, boolean reissued) {
        send(migration.handlerEmail(), migration, (reissued ? "New verification token" : "Verify the migration")
                + " of \"" + migration.accountName() + "\"", Map.of(
                "heading", reissued ? "Your new verification token" : "The customer approved the migration",
                "paragraphs", List.of("Sign in, open the migration " + migration.reference() + " and enter this "
                                + "verification token, then choose the customer's service plan.",
                        "The token works once, until " + WHEN.format(expiresAt) + ". After that, only the platform "
                                + "operator can issue a new one."
                                + (reissued ? " Any token sent before no longer works." : "")),
                "code", token,
                "actionLabel", "Open the migration",
                "actionUrl", migrationUrl(migration)));
    }

    void declined(Migration migration, Collection<String> recipients) {
        recipients.forEach(to -> send(to, migration, "Migration of \"" + migration.accountName() + "\" declined",
                Map.of("heading", "The customer declined the migration",
                        "paragraphs", List.of("The cloud administrator of \"" + migration.accountName() + "\" declined "
                                + "its migration " + migration.reference() + " to " + migration.providerName()
                                + ". The request is closed."),
                        "actionLabel", "Open the migration",
                        "actionUrl", migrationUrl(migration))));
    }

    void readyToFinalise(Migration migration) {
        send(migration.raisedBy(), migration, "Finalise the migration of \"" + migration.accountName() + "\"", Map.of(
                "heading", "A hybrid migration is ready to finalise",
                "paragraphs", List.of(migration.handlerEmail() + " verified the migration " + migration.reference()
                        + " of \"" + migration.accountName() + "\" to " + migration.providerName()
                        + ". The customer stays locked until you finalise it."),
                "actionLabel", "Open the migration",
                "actionUrl", migrationUrl(migration)));
    }

    void completed(Migration migration) {
        send(migration.handlerEmail(), migration, "Migration of \"" + migration.accountName() + "\" completed", Map.of(
                "heading", "The migration is complete",
                "paragraphs", List.of("\"" + migration.accountName() + "\" is now one of your customers, "
                        + "editable, with its past usage in your reports."),
                "actionLabel", "Open the customer",
                "actionUrl", baseUrl + "/customers/" + migration.customerId()));
    }

    void cancelled(Migration migration, Collection<String> administrators) {
        administrators.forEach(to -> send(to, migration, "Migration of \"" + migration.accountName() + "\" cancelled",
                Map.of("heading", "The migration was cancelled",
                        "paragraphs", List.of("The platform operator cancelled the migration " + migration.reference()
                                + " of \"" + migration.accountName() + "\". Nothing more is needed from you."),
                        "actionLabel", "Open the migration",
                        "actionUrl", migrationUrl(migration))));
    }

    private String migrationUrl(Migration migration) {
        return baseUrl + "/migrations/" + migration.id();
    }

    private void send(String to, Migration migration, String subject, Map<String, Object> variables) {
        outbox.queue(new OutgoingMail(to, subject, "notice", variables, Optional.of(migration.providerId())));
    }
}
