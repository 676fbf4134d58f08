package org.mspportal.identity;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.mspportal.providers.Provider;
import org.mspportal.providers.ProviderManagement;
import org.mspportal.shared.PortalPrincipal;
import org.mspportal.shared.RejectedInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's own authenticator app: setting one up, proven by a code from it, and
 * removing it where the MSP allows. Every role may do this for their own account: it changes how
 * they sign in, not anything of the MSP. A secret is stored only once a code has confirmed that
 * the app holds it, so a half-finished set-up never locks anyone out.
 */
@Service
class AuthenticatorEnrolment {

    /** The name an authenticator app files the portal's codes under. */
    static final String ISSUER = "MSP Portal";

    /** What the set-up page shows for a secret not yet confirmed. */
    record Setup(String accountName, String secretForTyping, String qrCodeSvg) {
    }

    /** The signed-in person's authenticator app, and whether their MSP insists on one. */
    record Status(boolean enrolled, boolean requiredByMsp) {
    }

    private final Accounts accounts;
    private final ProviderManagement providers;
    private final AuthenticatorCodes codes;
    private final ApplicationEventPublisher events;

    AuthenticatorEnrolment(Accounts accounts, ProviderManagement providers, ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.providers = providers;
        this.codes = new AuthenticatorCodes(clock);
        this.events = events;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Status status() {
        Account account = currentAccount();
        return new Status(account.authenticator().isPresent(), requiredByMsp(account));
    }

    /** The QR code and typed form of a new secret for the signed-in person's app; nothing is stored. */
    @PreAuthorize("isAuthenticated()")
    public Setup setup(AuthenticatorSecret secret) {
        String accountName = currentPrincipal().email();
        String uri = secret.otpauthUri(ISSUER, accountName);
        return new Setup(accountName, inGroupsOfFour(secret.base32()),
                QrCodeSvg.render(uri, "QR code to add MSP Portal to your authenticator app"));
    }

    /**
     * Stores the secret once the app proves it holds it, replacing any earlier app. The confirming
     * code's time step counts as used, so the same code cannot then also sign someone in.
     *
     * @throws RejectedInput on the {@code code} field when the code does not match the secret now
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void confirm(AuthenticatorSecret secret, String code) {
        Account account = currentAccount();
        String presented = code == null ? "" : code.replaceAll("\\s", "");
        OptionalLong step = codes.verify(secret, presented, OptionalLong.empty());
        if (step.isEmpty()) {
            throw new RejectedInput("code", presented.matches("\\d{6}")
                    ? "That code does not match. Enter the code your app shows now for MSP Portal; if it keeps "
                            + "failing, check that your phone's clock is set automatically."
                    : "Enter the 6-digit code your app shows for MSP Portal.");
        }
        accounts.setAuthenticator(account.id(), Optional.of(secret), step);
        events.publishEvent(AccountActivity.authenticatorEnrolled(account));
    }

    /**
     * Removes the signed-in person's app, so they sign in with emailed codes again.
     *
     * @throws RejectedInput when their MSP requires an authenticator app for every administrator
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void remove() {
        Account account = currentAccount();
        if (account.authenticator().isEmpty()) {
            return;
        }
        if (requiredByMsp(account)) {
            throw new RejectedInput("authenticator", "Your MSP requires an authenticator app for all administrators, "
                    + "so you cannot remove yours. To move to a new phone, set up the new one: it replaces this one.");
        }
        accounts.setAuthenticator(account.id(), Optional.empty(), OptionalLong.empty());
        events.publishEvent(AccountActivity.authenticatorRemoved(account));
    }

    /**
     * Whether someone who has just signed in must set up an app before anything else: their MSP
     * requires one and they have none. Asked once per sign-in; the answer is kept in the session.
     */
    @Transactional(readOnly = true)
    public boolean mustEnrol(UUID accountId) {
        return accounts.find(accountId)
                .filter(account -> account.authenticator().isEmpty())
                .map(this::requiredByMsp)
                .orElse(false);
    }

    private boolean requiredByMsp(Account account) {
        return account.providerId().flatMap(providers::find).map(Provider::authenticatorRequired).orElse(false);
    }

    private Account currentAccount() {
        return accounts.find(currentPrincipal().accountId()).orElseThrow();
    }

    private static PortalPrincipal currentPrincipal() {
        return (PortalPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }

    /** "JBSW Y3DP ..." is easier to type from one screen into another than 32 letters in a row. */
    private static String inGroupsOfFour(String base32) {
        return base32.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
