package org.mspportal.identity;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a fresh installation there is nobody to onboard the first MSP, so the first start creates a
 * platform operator from {@code portal.sign-in.operator-email} and mails them an activation link
 * (in the embedded default it waits in the development mailbox).
 */
@Component
class OperatorBootstrap {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final Accounts accounts;
    private final PasswordLinks passwordLinks;
    private final SignInSettings settings;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OperatorBootstrap(Accounts accounts, PasswordLinks passwordLinks, SignInSettings settings,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.passwordLinks = passwordLinks;
        this.settings = settings;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createFirstOperator() {
        try {
            transactions.executeWithoutResult(status -> {
                if (accounts.anyOperator()) {
                    return;
                }
                Account operator = Account.invited(Optional.empty(), settings.operatorEmail(), "Platform operator",
                        Role.OPERATOR, clock.instant());
                accounts.add(operator);
                passwordLinks.sendActivation(operator);
                events.publishEvent(AccountActivity.invited(operator));
                log.info("Created the platform operator {}; an activation link was mailed to it", operator.email());
            });
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            log.info("Another instance created the platform operator");
        }
    }
}
