package org.mspportal.customers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.identity.Administrator;
import org.mspportal.shared.Auditable;

/**
 * Something that happened to a customer, for the audit log: a change with its values before and after,
 * or a tenant administrator assigned to it or removed from it.
 */
public record CustomerChanged(String action, UUID customerId, UUID provider, String summary,
        Map<String, Object> details) implements Auditable {

    static CustomerChanged registered(Customers.Stored customer) {
        return new CustomerChanged("customer.registered", customer.id(), customer.providerId(),
                "Added customer \"" + customer.name() + "\"", Map.of("after", values(customer)));
    }

    /** A change from {@code before} to {@code after}, such as "customer.updated" or "customer.suspended". */
    static CustomerChanged changed(String verb, String summary, Customers.Stored before, Customers.Stored after) {
        return new CustomerChanged("customer." + verb, after.id(), after.providerId(),
                summary + " \"" + after.name() + "\"", Map.of("before", values(before), "after", values(after)));
    }

    /**
     * A tenant administrator assigned to the customer or removed from it, as "customer.administrator-assigned"
     * or "customer.administrator-removed": who, by id and by email.
     */
    static CustomerChanged administrator(String verb, String summary, Customer customer, UUID provider,
            Administrator administrator) {
        return new CustomerChanged("customer.administrator-" + verb, customer.id(), provider,
                summary + " \"" + customer.accountName() + "\"", Map.of("administratorId",
                        administrator.id().toString(), "administratorEmail", administrator.email()));
    }

    /** The customer's values; empty ones are left out rather than written as null. */
    private static Map<String, Object> values(Customers.Stored customer) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("accountName", customer.name().value());
        putIfPresent(values, "organizationName", customer.organizationName());
        putIfPresent(values, "address", customer.address());
        putIfPresent(values, "phoneNumber", customer.phoneNumber());
        putIfPresent(values, "servicePlanId", customer.planId()); // the sandbox may have none
        values.put("tenantType", customer.tenancy().type().name());
        putIfPresent(values, "evaluationStartsOn", customer.tenancy().evaluationStartsOn());
        putIfPresent(values, "evaluationEndsOn", customer.tenancy().evaluationEndsOn());
        values.put("storageRegion", customer.storageRegion());
        values.put("creditQuota", customer.quota().credits().toPlainString());
        values.put("quotaEffectiveDate", customer.quota().effectiveOn().toString());
        values.put("quotaEndDate", customer.quota().endsOn().toString());
        values.put("licenseExpiryDate", customer.licenceExpiry().date().toString());
        values.put("status", customer.status().name());
        return values;
    }

    private static void putIfPresent(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value.toString());
        }
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
