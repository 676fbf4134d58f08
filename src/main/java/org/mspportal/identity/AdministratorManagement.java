package org.mspportal.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.mspportal.providers.ProviderOnboarded;
import org.mspportal.providers.ProviderStatus;
import org.mspportal.providers.ProviderStatusChanged;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.PortalPrincipal;
import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.RejectedInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators of an MSP: inviting, deactivating, reactivating, changing roles, and helping a
 * locked-out colleague. Every MSP keeps at least one active MSP administrator.
 */
@Service
public class AdministratorManagement {

    /** The longest address mail systems deliver to (RFC 5321), and the column's size. */
    public static final int MAX_EMAIL_LENGTH = 320;

    private final Accounts accounts;
    private final PasswordLinks passwordLinks;
    private final AccountLinks links;
    private final SignInAttempts attempts;
    private final SignInRecords records;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AdministratorManagement(Accounts accounts, PasswordLinks passwordLinks, AccountLinks links,
            SignInAttempts attempts, SignInRecords records, Sessions sessions, ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.passwordLinks = passwordLinks;
        this.links = links;
        this.attempts = attempts;
        this.records = records;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** An MSP's first administrators, invited in the onboarding transaction. */
    @EventListener
    void on(ProviderOnboarded onboarded) {
        for (String email : onboarded.administratorEmails()) {
            invite(onboarded.provider(), email, Role.MSP_ADMINISTRATOR, "administratorEmails");
        }
    }

    /** A suspended MSP's administrators are signed out at once. */
    @EventListener
    void on(ProviderStatusChanged changed) {
        if (changed.status() == ProviderStatus.SUSPENDED) {
            accounts.idsOfProvider(changed.provider()).forEach(sessions::endAllOf);
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<Administrator> list() {
        return accounts.ofProvider(ownProvider()).stream().map(Administrator::of).toList();
    }

    /** Any MSP's administrators, for the platform operator's page of that MSP. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('OPERATOR')")
    public List<Administrator> listOf(UUID providerId) {
        return accounts.ofProvider(providerId).stream().map(Administrator::of).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Administrator get(UUID id) {
        return Administrator.of(visible(id));
    }

    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public Administrator invite(String email, Role role) {
        if (!role.administersAnMsp()) {
            throw new RejectedInput("role", "Choose one of the MSP roles.");
        }
        return Administrator.of(invite(ownProvider(), email, role, "email"));
    }

    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public void resendInvitation(UUID id) {
        Account account = visible(id);
        if (account.status() != AccountStatus.INVITED) {
            throw new RejectedInput("id", account.email() + " has already activated their account.");
        }
        passwordLinks.sendActivation(account);
        events.publishEvent(AccountActivity.invitationResent(account));
    }

    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public void deactivate(UUID id) {
        Account account = visible(id);
        if (account.status() == AccountStatus.DEACTIVATED) {
            return;
        }
        requireAnotherActiveAdministrator(account, "deactivated");
        accounts.setStatus(id, AccountStatus.DEACTIVATED);
        links.voidUnused(id, AccountLinks.Purpose.ACTIVATION, clock.instant());
        links.voidUnused(id, AccountLinks.Purpose.PASSWORD_RESET, clock.instant());
        attempts.voidPending(id);
        sessions.endAllOf(id);
        events.publishEvent(AccountActivity.deactivated(account));
    }

    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public void reactivate(UUID id) {
        Account account = visible(id);
        if (account.status() != AccountStatus.DEACTIVATED) {
            return;
        }
        if (account.passwordHash().isPresent()) {
            accounts.setStatus(id, AccountStatus.ACTIVE);
        } else {
            accounts.setStatus(id, AccountStatus.INVITED);
            passwordLinks.sendActivation(account);
        }
        events.publishEvent(AccountActivity.reactivated(account));
    }

    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public void changeRole(UUID id, Role role) {
        Account account = visible(id);
        if (!role.administersAnMsp()) {
            throw new RejectedInput("role", "Choose one of the MSP roles.");
        }
        if (account.role() == role) {
            return;
        }
        if (account.role() == Role.MSP_ADMINISTRATOR) {
            requireAnotherActiveAdministrator(account, "given another role");
        }
        accounts.setRole(id, role);
        sessions.endAllOf(id);
        events.publishEvent(AccountActivity.roleChanged(account, role));
    }

    /**
     * A colleague unlocks a locked-out administrator and mails them a password-reset link. Nobody
     * can do this for themselves: the point is a second person vouching.
     */
    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public void unlockAndSendPasswordReset(UUID id) {
        Account account = visible(id);
        if (account.id().equals(currentAccountId())) {
            throw new RejectedInput("id", "You cannot unlock or reset your own account here. Another administrator "
                    + "of your MSP can, or use \"Forgot your password?\" on the sign-in page.");
        }
        if (account.status() != AccountStatus.ACTIVE) {
            throw new RejectedInput("id", account.email() + " is not active.");
        }
        if (!account.locked()) {
            throw new RejectedInput("id", account.email() + " is not locked, so there is nothing to unlock.");
        }
        accounts.unlock(id);
        attempts.voidPending(id);
        passwordLinks.sendPasswordReset(account, true);
        events.publishEvent(AccountActivity.unlocked(account));
    }

    /**
     * A colleague removes the authenticator app of an administrator who lost it, so they can sign
     * in with an emailed code again (and, where the MSP requires an app, set up a new one right
     * away). Their sessions end: whoever holds the lost phone may be signed in with it. Nobody can
     * do this for themselves here; their own app is on their profile page, under the MSP's policy.
     */
    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public void removeAuthenticator(UUID id) {
        Account account = visible(id);
        if (account.id().equals(currentAccountId())) {
            throw new RejectedInput("id", "You cannot remove your own authenticator app here. Use Profile & security, "
                    + "or ask another MSP administrator of your MSP.");
        }
        if (account.authenticator().isEmpty()) {
            return;
        }
        accounts.setAuthenticator(id, Optional.empty(), OptionalLong.empty());
        attempts.voidPending(id);
        sessions.endAllOf(id);
        events.publishEvent(AccountActivity.authenticatorRemoved(account));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<SignInRecords.SignInRecord> recentSignIns(int limit) {
        return records.recent(currentAccountId(), limit);
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public int signOutEverywhere() {
        Account account = accounts.find(currentAccountId()).orElseThrow();
        events.publishEvent(AccountActivity.signedOutEverywhere(account));
        return sessions.endAllOf(account.id());
    }

    private Account invite(UUID providerId, String email, Role role, String field) {
        String normalised = Accounts.normalise(email);
        if (normalised.length() > MAX_EMAIL_LENGTH || !normalised.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new RejectedInput(field, "\"" + email + "\" is not an email address.");
        }
        if (accounts.emailTaken(normalised)) {
            throw new RejectedInput(field, normalised + " already has an MSP Portal account.");
        }
        Account account = Account.invited(Optional.of(providerId), normalised, normalised, role, clock.instant());
        accounts.add(account);
        passwordLinks.sendActivation(account);
        events.publishEvent(AccountActivity.invited(account));
        return account;
    }

    private void requireAnotherActiveAdministrator(Account account, String what) {
        boolean counts = account.role() == Role.MSP_ADMINISTRATOR && account.status() == AccountStatus.ACTIVE;
        if (counts && accounts.otherActiveMspAdministrators(account.providerId().orElseThrow(), account.id()) == 0) {
            String who = account.id().equals(currentAccountId())
                    ? "You are the last active MSP administrator of your MSP, so you cannot be "
                    : account.email() + " is the last active MSP administrator of your MSP, so they cannot be ";
            throw new RejectedInput("id", who + what + ". Invite another MSP administrator (or give a colleague "
                    + "that role) and let them activate their account first.");
        }
    }

    /** The account, if it belongs to the caller's MSP; another MSP's id is simply not found. */
    private Account visible(UUID id) {
        UUID own = ownProvider();
        return accounts.find(id)
                .filter(account -> account.providerId().map(own::equals).orElse(false))
                .orElseThrow(() -> new NotFound("administrator"));
    }

    private static UUID ownProvider() {
        return ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
    }

    private static UUID currentAccountId() {
        return ((PortalPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal()).accountId();
    }
}
