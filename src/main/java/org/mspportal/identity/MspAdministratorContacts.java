package org.mspportal.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whom the system mails about an MSP's business on its own account (quota alerts, licence
 * reminders): its active MSP administrators. Called from listeners and scheduled jobs, where no
 * one is signed in, so unlike {@link AdministratorManagement} it asks for no security context; it
 * gives out addresses only.
 */
@Service
public class MspAdministratorContacts {

    private final Accounts accounts;

    MspAdministratorContacts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The email addresses of the MSP's active MSP administrators (read-only and tenant administrators excluded). */
    @Transactional(readOnly = true)
    public List<String> activeAdministratorEmails(UUID providerId) {
        return accounts.ofProvider(providerId).stream()
                .filter(account -> account.role() == Role.MSP_ADMINISTRATOR && account.status() == AccountStatus.ACTIVE)
                .map(Account::email)
                .toList();
    }
}
