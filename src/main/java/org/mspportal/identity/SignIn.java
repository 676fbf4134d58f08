package org.mspportal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.mspportal.providers.Provider;
import org.mspportal.providers.ProviderManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of signing in: the password step, then a second factor bound to the attempt that
 * passed it. Every refusal before the second factor looks the same, whether the email exists or
 * not, and costs the same time (a password hash is checked either way).
 */
@Service
class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    sealed interface PasswordOutcome {
        record SecondFactorNeeded(UUID attemptId, SecondFactor factor) implements PasswordOutcome {
        }

        record Refused() implements PasswordOutcome {
        }
    }

    sealed interface CodeOutcome {
        record Accepted(SignedInAdministrator principal) implements CodeOutcome {
        }

        record Wrong(int triesLeft) implements CodeOutcome {
        }

        /** The emailed code is too old; a new one can be sent for the same attempt. */
        record Expired() implements CodeOutcome {
        }

        /** The attempt is over (too many wrong codes, replaced, or already used): start again. */
        record StartAgain() implements CodeOutcome {
        }
    }

    sealed interface ResendOutcome {
        record Sent() implements ResendOutcome {
        }

        record TooSoon(Duration remaining) implements ResendOutcome {
        }

        record StartAgain() implements ResendOutcome {
        }
    }

    private final Accounts accounts;
    private final SignInAttempts attempts;
    private final SignInRecords records;
    private final ProviderManagement providers;
    private final PasswordEncoder passwords;
    private final AuthenticatorCodes authenticatorCodes;
    private final AccountMails mails;
    private final SignInSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Checked against when there is no real hash, so an unknown email costs as much as a known one. */
    private final String decoyHash;

    SignIn(Accounts accounts, SignInAttempts attempts, SignInRecords records, ProviderManagement providers,
            PasswordEncoder passwords, AccountMails mails, SignInSettings settings, ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.records = records;
        this.providers = providers;
        this.passwords = passwords;
        this.authenticatorCodes = new AuthenticatorCodes(clock);
        this.mails = mails;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.decoyHash = passwords.encode(Secrets.token());
    }

    @Transactional
    public PasswordOutcome checkPassword(String email, String password) {
        Optional<Account> found = accounts.findByEmail(email);
        String hash = found.flatMap(Account::passwordHash).orElse(decoyHash);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        if (found.isEmpty()) {
            log.info("Sign-in refused at the password step: unknown email");
            return new PasswordOutcome.Refused();
        }
        Account account = found.get();
        if (!account.canSignIn() || !providerActive(account)) {
            log.info("Sign-in refused at the password step: account {} is {}{}", account.id(), account.status(),
                    account.locked() ? ", locked" : "");
            return new PasswordOutcome.Refused();
        }
        if (!matches) {
            recordWrongPassword(account);
            return new PasswordOutcome.Refused();
        }
        accounts.clearFailedPasswords(account.id());
        return startSecondFactor(account);
    }

    @Transactional
    public CodeOutcome checkCode(UUID attemptId, String code) {
        Optional<SignInAttempts.Attempt> pending = attempts.findPending(attemptId);
        Optional<Account> account = pending.flatMap(attempt -> accounts.find(attempt.accountId()))
                .filter(found -> found.canSignIn() && providerActive(found));
        if (pending.isEmpty() || account.isEmpty()) {
            return new CodeOutcome.StartAgain();
        }
        SignInAttempts.Attempt attempt = pending.get();
        if (attempt.failedCodes() >= settings.maxCodeFailures()) {
            attempts.voidAttempt(attemptId);
            return new CodeOutcome.StartAgain();
        }
        SecondFactor factor = factorOf(account.get());
        if (factor == SecondFactor.EMAILED_CODE && expired(attempt)) {
            return new CodeOutcome.Expired();
        }
        boolean right = factor == SecondFactor.AUTHENTICATOR_APP
                ? authenticatorCodeAccepted(account.get(), code)
                : emailedCodeMatches(attempt, code);
        return right ? complete(attempt, account.get(), factor) : wrongCode(attempt, account.get());
    }

    @Transactional
    public ResendOutcome resendCode(UUID attemptId) {
        Optional<SignInAttempts.Attempt> pending = attempts.findPending(attemptId);
        Optional<Account> account = pending.flatMap(attempt -> accounts.find(attempt.accountId()))
                .filter(found -> found.canSignIn() && factorOf(found) == SecondFactor.EMAILED_CODE);
        if (pending.isEmpty() || account.isEmpty()) {
            return new ResendOutcome.StartAgain();
        }
        Instant now = clock.instant();
        Instant allowedFrom = pending.get().codeSentAt().orElse(Instant.MIN).plus(settings.codeResendInterval());
        if (now.isBefore(allowedFrom)) {
            return new ResendOutcome.TooSoon(Duration.between(now, allowedFrom));
        }
        sendCode(attemptId, account.get());
        return new ResendOutcome.Sent();
    }

    private PasswordOutcome startSecondFactor(Account account) {
        UUID attemptId = attempts.start(account.id(), clock.instant());
        SecondFactor factor = factorOf(account);
        if (factor == SecondFactor.EMAILED_CODE) {
            sendCode(attemptId, account);
        }
        log.info("Sign-in of account {} passed the password step; awaiting {}", account.id(), factor.description());
        return new PasswordOutcome.SecondFactorNeeded(attemptId, factor);
    }

    private void sendCode(UUID attemptId, Account account) {
        String code = Secrets.sixDigitCode();
        Instant now = clock.instant();
        attempts.setCode(attemptId, code, now, now.plus(settings.codeValidity()));
        mails.signInCode(account, code, settings.codeValidity());
    }

    private void recordWrongPassword(Account account) {
        Instant now = clock.instant();
        int failures = accounts.recordFailedPassword(account.id(), now, now.minus(settings.passwordFailureWindow()));
        log.info("Sign-in refused at the password step: wrong password for account {} ({} in a row)", account.id(),
                failures);
        if (failures >= settings.maxPasswordFailures() && accounts.lock(account.id(), now)) {
            attempts.voidPending(account.id());
            events.publishEvent(AccountActivity.locked(account, failures));
            mails.locked(account);
            log.warn("Account {} locked after {} wrong passwords", account.id(), failures);
        }
    }

    private boolean emailedCodeMatches(SignInAttempts.Attempt attempt, String code) {
        String presented = code == null ? "" : code.replaceAll("\\s", "");
        return attempt.codeFingerprint()
                .map(stored -> Secrets.sameFingerprint(stored, SignInAttempts.fingerprint(attempt.id(), presented)))
                .orElse(false);
    }

    private boolean authenticatorCodeAccepted(Account account, String code) {
        String presented = code == null ? "" : code.replaceAll("\\s", "");
        OptionalLong step = account.authenticator()
                .map(secret -> authenticatorCodes.verify(secret, presented, account.authenticatorLastStep()))
                .orElse(OptionalLong.empty());
        return step.isPresent() && accounts.useAuthenticatorStep(account.id(), step.getAsLong());
    }

    private CodeOutcome complete(SignInAttempts.Attempt attempt, Account account, SecondFactor factor) {
        if (!attempts.complete(attempt.id())) {
            return new CodeOutcome.StartAgain();
        }
        records.add(account.id(), clock.instant(), factor);
        events.publishEvent(AccountActivity.signedIn(account, factor.description()));
        log.info("Account {} signed in with {}", account.id(), factor.description());
        return new CodeOutcome.Accepted(account.principal());
    }

    private CodeOutcome wrongCode(SignInAttempts.Attempt attempt, Account account) {
        int failures = attempts.recordFailedCode(attempt.id());
        log.info("Wrong second-factor code for account {} ({} of {})", account.id(), failures,
                settings.maxCodeFailures());
        if (failures >= settings.maxCodeFailures()) {
            attempts.voidAttempt(attempt.id());
            return new CodeOutcome.StartAgain();
        }
        return new CodeOutcome.Wrong(settings.maxCodeFailures() - failures);
    }

    private boolean expired(SignInAttempts.Attempt attempt) {
        return attempt.codeExpiresAt().map(expiry -> !clock.instant().isBefore(expiry)).orElse(true);
    }

    private static SecondFactor factorOf(Account account) {
        return account.authenticator().isPresent() ? SecondFactor.AUTHENTICATOR_APP : SecondFactor.EMAILED_CODE;
    }

    private boolean providerActive(Account account) {
        return account.providerId().flatMap(providers::find).map(Provider::active).orElse(true);
    }
}
