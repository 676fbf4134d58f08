package org.mspportal.customers;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mspportal.identity.AccountStatus;
import org.mspportal.identity.Administrator;
import org.mspportal.identity.AdministratorManagement;
import org.mspportal.identity.Role;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.PortalPrincipal;
import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.RejectedInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which tenant administrators manage which of the MSP's customers. A tenant administrator sees and
 * manages only the customers assigned here; MSP and read-only administrators see every customer, so
 * only tenant administrators are assigned. MSP administrators assign and remove them; anyone who can
 * see the customer can see who is assigned. Deactivating an administrator keeps their assignments:
 * they simply cannot sign in, and a reactivated account finds its customers again.
 */
@Service
public class CustomerAssignments {

    /** The form field and API property naming the administrator. */
    public static final String FIELD = "accountId";

    private final CustomerManagement customers;
    private final CustomerAdministrators assignments;
    private final Customers stored;
    private final AdministratorManagement administrators;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerAssignments(CustomerManagement customers, CustomerAdministrators assignments, Customers stored,
            AdministratorManagement administrators, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.assignments = assignments;
        this.stored = stored;
        this.administrators = administrators;
        this.events = events;
        this.clock = clock;
    }

    /** The customer's tenant administrators, longest-serving first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<AssignedAdministrator> administratorsOf(UUID customerId) {
        Customer customer = customers.get(customerId);
        Map<UUID, Administrator> byId = administrators.list().stream()
                .collect(Collectors.toMap(Administrator::id, Function.identity()));
        return assignments.of(customer.id()).stream()
                .filter(assignment -> byId.containsKey(assignment.accountId()))
                .map(assignment -> new AssignedAdministrator(byId.get(assignment.accountId()),
                        assignment.assignedAt(), assignment.assignedBy()))
                .toList();
    }

    /** The MSP's tenant administrators who could still be assigned to the customer, as the MSP lists them. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public List<Administrator> assignableTo(UUID customerId) {
        Customer customer = customers.get(customerId);
        Set<UUID> assigned = assignments.of(customer.id()).stream()
                .map(CustomerAdministrators.Assignment::accountId).collect(Collectors.toSet());
        return administrators.list().stream()
                .filter(CustomerAssignments::assignable)
                .filter(administrator -> !assigned.contains(administrator.id()))
                .toList();
    }

    /**
     * Lets a tenant administrator of the caller's MSP see and manage the customer. Assigning one
     * who already is changes nothing.
     *
     * @return the administrator assigned
     * @throws RejectedInput when the account is not an invited or active tenant administrator of the MSP,
     *     or a migration is moving the customer
     */
    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public Administrator assign(UUID customerId, UUID accountId) {
        Customer customer = customers.get(customerId);
        requireNoMigration(customer);
        Administrator administrator = assignableAdministrator(accountId);
        boolean added;
        try {
            added = assignments.assign(customer.id(), administrator.id(), clock.instant(), actor());
        } catch (DuplicateKeyException race) {
            // Someone assigned the same administrator between the check and the insert.
            added = false;
        }
        if (added) {
            events.publishEvent(CustomerChanged.administrator("assigned", "Assigned " + administrator.email()
                    + " to customer", customer, ownProvider(), administrator));
        }
        return administrator;
    }

    /**
     * The administrator no longer reaches the customer. Removing one who is not assigned changes nothing.
     *
     * @return the administrator removed, or empty when they were not assigned
     */
    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public Optional<Administrator> unassign(UUID customerId, UUID accountId) {
        Customer customer = customers.get(customerId);
        requireNoMigration(customer);
        Optional<Administrator> removed = ofOwnMsp(accountId)
                .filter(administrator -> assignments.unassign(customer.id(), administrator.id()));
        removed.ifPresent(administrator -> events.publishEvent(CustomerChanged.administrator("removed",
                "Removed " + administrator.email() + " from customer", customer, ownProvider(), administrator)));
        return removed;
    }

    /** Adding users is one of the updates SPEC §5 refuses while a migration moves the customer. */
    private void requireNoMigration(Customer customer) {
        customer.status().requireChangesAllowed(() -> stored.migrationReference(customer.id()),
                "tenant administrators can be assigned or removed once the migration completes.");
    }

    private Administrator assignableAdministrator(UUID accountId) {
        if (accountId == null) {
            throw new RejectedInput(FIELD, "Choose a tenant administrator.");
        }
        Administrator administrator = ofOwnMsp(accountId).orElseThrow(() -> new RejectedInput(FIELD,
                "Choose one of your MSP's tenant administrators."));
        if (administrator.role() != Role.TENANT_ADMINISTRATOR) {
            throw new RejectedInput(FIELD, administrator.email() + " already sees every customer ("
                    + administrator.role().label() + "). Only tenant administrators are assigned to customers.");
        }
        if (administrator.status() == AccountStatus.DEACTIVATED) {
            throw new RejectedInput(FIELD, administrator.email() + " is deactivated. Reactivate them on the "
                    + "Administrators page first.");
        }
        return administrator;
    }

    /** The administrator, if the account belongs to the caller's MSP; another MSP's is as good as unknown. */
    private Optional<Administrator> ofOwnMsp(UUID accountId) {
        return administrators.list().stream().filter(administrator -> administrator.id().equals(accountId))
                .findFirst();
    }

    private static boolean assignable(Administrator administrator) {
        return administrator.role() == Role.TENANT_ADMINISTRATOR && administrator.status() != AccountStatus.DEACTIVATED;
    }

    private static UUID ownProvider() {
        return ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
    }

    /** MSP administrators only, so always a person, named by email as the plan history names them. */
    private static String actor() {
        return ((PortalPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal()).email();
    }
}
