package org.mspportal.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.mspportal.notifications.MailOutbox;
import org.mspportal.notifications.OutgoingMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The emails the sign-in journey sends, queued in the caller's transaction. */
@Component
class AccountMails {

    private final MailOutbox outbox;
    private final String baseUrl;

    AccountMails(MailOutbox outbox, @Value("${portal.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    void activation(Account account, String token, Duration validity) {
        String opening = account.role() == Role.OPERATOR
                ? "An operator account of MSP Portal was created for you."
                : "You have been invited to manage your MSP in MSP Portal as " + account.role().label() + ".";
        send(account, "Activate your MSP Portal account", Map.of(
                "heading", "Welcome to MSP Portal",
                "paragraphs", List.of(opening,
                        "Choose a password to activate your account. The link works once, for " + hours(validity) + "."),
                "actionLabel", "Choose a password",
                "actionUrl", baseUrl + "/activate/" + token));
    }

    void passwordReset(Account account, String token, Duration validity, boolean unlockedByColleague) {
        String opening = unlockedByColleague
                ? "A colleague unlocked your MSP Portal account. Choose a new password to sign in again."
                : "Someone, hopefully you, asked to reset the password of your MSP Portal account.";
        send(account, "Reset your MSP Portal password", Map.of(
                "heading", "Choose a new password",
                "paragraphs", List.of(opening,
                        "The link works once, for " + hours(validity) + ". If you did not ask for it, ignore this email."),
                "actionLabel", "Choose a new password",
                "actionUrl", baseUrl + "/reset-password/" + token));
    }

    void signInCode(Account account, String code, Duration validity) {
        send(account, "Your MSP Portal sign-in code: " + code, Map.of(
                "heading", "Your sign-in code",
                "paragraphs", List.of("Enter this code to finish signing in. It works once, for "
                        + validity.toMinutes() + " minutes."),
                "code", code,
                "footnote", "If you did not try to sign in, someone knows your password: change it now."));
    }

    void locked(Account account) {
        send(account, "Your MSP Portal account was locked", Map.of(
                "heading", "Your account is locked",
                "paragraphs", List.of(
                        "Your account was locked after several wrong passwords in a row.",
                        "Another administrator of your MSP can unlock it for you, or you can reset your password "
                                + "with the \"Forgot your password?\" link on the sign-in page."),
                "actionLabel", "Reset my password",
                "actionUrl", baseUrl + "/forgot-password"));
    }

    private void send(Account account, String subject, Map<String, Object> variables) {
        outbox.queue(new OutgoingMail(account.email(), subject, "notice", variables, account.providerId()));
    }

    private static String hours(Duration validity) {
        long hours = validity.toHours();
        return hours >= 1 ? hours + (hours == 1 ? " hour" : " hours") : validity.toMinutes() + " minutes";
    }
}
