package org.mspportal.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.mspportal.shared.RejectedInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links from emails that let a person choose a password: activation of a new account and
 * password reset. Opening a link changes nothing; only submitting its form uses it.
 */
@Service
class PasswordLinks {

    /** What a presented link is good for. */
    enum LinkState { USABLE, USED, EXPIRED, UNKNOWN }

    private final Accounts accounts;
    private final AccountLinks links;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final SignInAttempts attempts;
    private final AccountMails mails;
    private final SignInSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordLinks(Accounts accounts, AccountLinks links, PasswordPolicy policy, PasswordEncoder passwords,
            SignInAttempts attempts, AccountMails mails, SignInSettings settings, ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.policy = policy;
        this.passwords = passwords;
        this.attempts = attempts;
        this.mails = mails;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void sendActivation(Account account) {
        Instant now = clock.instant();
        String token = links.issue(account.id(), AccountLinks.Purpose.ACTIVATION, now,
                now.plus(settings.activationLinkValidity()));
        mails.activation(account, token, settings.activationLinkValidity());
    }

    @Transactional
    void sendPasswordReset(Account account, boolean unlockedByColleague) {
        Instant now = clock.instant();
        String token = links.issue(account.id(), AccountLinks.Purpose.PASSWORD_RESET, now,
                now.plus(settings.passwordResetLinkValidity()));
        mails.passwordReset(account, token, settings.passwordResetLinkValidity(), unlockedByColleague);
    }

    /** "Forgot your password?": mails a link if the address belongs to an account that may have one; says nothing either way. */
    @Transactional
    void requestPasswordReset(String email) {
        accounts.findByEmail(email)
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .ifPresent(account -> sendPasswordReset(account, false));
    }

    @Transactional(readOnly = true)
    LinkState stateOf(String token, AccountLinks.Purpose purpose) {
        return find(token, purpose).map(this::stateOf).orElse(LinkState.UNKNOWN);
    }

    /** The email of the account the link is for, to show whose password is being set. */
    @Transactional(readOnly = true)
    Optional<String> emailFor(String token, AccountLinks.Purpose purpose) {
        return find(token, purpose).flatMap(link -> accounts.find(link.accountId())).map(Account::email);
    }

    /**
     * Sets the password and uses the link. Also clears a lock: the person has just proved they
     * read the account's mailbox, which is what a colleague's unlock asks of them too.
     *
     * @throws RejectedInput for a password the policy refuses or a confirmation that differs
     * @throws IllegalStateException when the link is not usable (the page shows why)
     */
    @Transactional
    void choosePassword(String token, AccountLinks.Purpose purpose, String password, String confirmation) {
        AccountLinks.Link link = find(token, purpose).filter(found -> stateOf(found) == LinkState.USABLE)
                .orElseThrow(() -> new IllegalStateException("The link is not usable"));
        Account account = accounts.find(link.accountId())
                .filter(found -> found.status() != AccountStatus.DEACTIVATED)
                .orElseThrow(() -> new IllegalStateException("The account is deactivated"));
        policy.problemWith(password, List.of(account.email(), account.displayName()))
                .ifPresent(problem -> {
                    throw new RejectedInput("password", problem);
                });
        if (!password.equals(confirmation)) {
            throw new RejectedInput("confirmation", "The two passwords are not the same.");
        }
        if (!links.use(link, clock.instant())) {
            throw new IllegalStateException("The link was used meanwhile");
        }
        accounts.activate(account.id(), passwords.encode(password), clock.instant());
        attempts.voidPending(account.id());
        events.publishEvent(purpose == AccountLinks.Purpose.ACTIVATION
                ? AccountActivity.activated(account)
                : AccountActivity.passwordReset(account));
    }

    /** An expired activation link can ask for a fresh one, which goes to the account's own address. */
    @Transactional
    boolean resendActivation(String token) {
        Optional<Account> invited = find(token, AccountLinks.Purpose.ACTIVATION)
                .filter(link -> stateOf(link) == LinkState.EXPIRED)
                .flatMap(link -> accounts.find(link.accountId()))
                .filter(account -> account.status() == AccountStatus.INVITED);
        invited.ifPresent(this::sendActivation);
        return invited.isPresent();
    }

    private Optional<AccountLinks.Link> find(String token, AccountLinks.Purpose purpose) {
        return token == null || token.length() > 100 ? Optional.empty() : links.find(token, purpose);
    }

    private LinkState stateOf(AccountLinks.Link link) {
        if (link.usedAt().isPresent()) {
            return LinkState.USED;
        }
        return link.usableAt(clock.instant()) ? LinkState.USABLE : LinkState.EXPIRED;
    }
}
