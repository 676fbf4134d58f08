package org.mspportal.identity;

import java.time.Clock;
import java.util.List;

import org.mspportal.shared.RejectedInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only: activates an invited administrator with a password chosen by the demo data, so
 * the console can print a sign-in that works at once. Everyone else activates through the emailed
 * link. The bean exists only with the {@code demo} profile, and sign-in itself is unchanged: the
 * demo administrator still needs the emailed code.
 */
@Service
@Profile("demo")
public class DemoActivation {

    private final Accounts accounts;
    private final AccountLinks links;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoActivation(Accounts accounts, AccountLinks links, PasswordPolicy policy, PasswordEncoder passwords,
            ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.policy = policy;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sets the password of the invited account with this email and voids its activation link.
     *
     * @throws RejectedInput for a password the policy refuses, or an email of no invited account
     */
    @Transactional
    @PreAuthorize("hasRole('OPERATOR')")
    public void activate(String email, String password) {
        Account account = accounts.findByEmail(email).filter(found -> found.status() == AccountStatus.INVITED)
                .orElseThrow(() -> new RejectedInput("email", "No invited account has this email."));
        policy.problemWith(password, List.of(account.email(), account.displayName())).ifPresent(problem -> {
            throw new RejectedInput("password", problem);
        });
        accounts.activate(account.id(), passwords.encode(password), clock.instant());
        links.voidUnused(account.id(), AccountLinks.Purpose.ACTIVATION, clock.instant());
        events.publishEvent(AccountActivity.activated(account));
    }
}
