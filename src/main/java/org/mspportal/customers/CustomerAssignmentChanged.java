package org.mspportal.customers;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.identity.Administrator;
import org.mspportal.shared.Auditable;

/** A tenant administrator assigned to a customer or removed from it, for the audit log of that customer. */
public record CustomerAssignmentChanged(String action, UUID customerId, UUID provider, String summary,
        Map<String, Object> details) implements Auditable {

    static CustomerAssignmentChanged assigned(Customer customer, UUID provider, Administrator administrator) {
        return new CustomerAssignmentChanged("customer.administrator-assigned", customer.id(), provider,
                "Assigned " + administrator.email() + " to customer \"" + customer.accountName() + "\"",
                details(administrator));
    }

    static CustomerAssignmentChanged removed(Customer customer, UUID provider, Administrator administrator) {
        return new CustomerAssignmentChanged("customer.administrator-removed", customer.id(), provider,
                "Removed " + administrator.email() + " from customer \"" + customer.accountName() + "\"",
                details(administrator));
    }

    private static Map<String, Object> details(Administrator administrator) {
        return Map.of("administratorId", administrator.id().toString(), "administratorEmail", administrator.email());
    }

    @Override
    public String objectType() {
        return "customer";
    }

    @Override
    public String objectId() {
        return customerId.toString();
    }

    @Override
    public Optional<UUID> providerId() {
        return Optional.of(provider);
    }
}
