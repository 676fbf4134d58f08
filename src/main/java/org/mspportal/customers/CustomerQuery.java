package org.mspportal.customers;

import java.util.UUID;

import org.mspportal.plans.Edition;

/**
 * What the Customers page asks for: every filter is optional (null means "any").
 *
 * @param text part of the account or organization name, any case
 * @param edition customers on a plan of this edition
 * @param expiringWithinDays licences still running today that expire within this many days
 */
public record CustomerQuery(String text, UUID servicePlanId, Edition edition, TenantType tenantType,
        String storageRegion, CustomerStatus status, Integer expiringWithinDays, Sort sort) {

    /** The orders the list can be shown in; ties are broken by id so pages never overlap. */
    public enum Sort {
        NAME, NAME_DESCENDING, LICENCE_EXPIRY, NEWEST
    }

    public static CustomerQuery everyone() {
        return new CustomerQuery(null, null, null, null, null, null, null, Sort.NAME);
    }

    public CustomerQuery withText(String newText) {
        return new CustomerQuery(newText, servicePlanId, edition, tenantType, storageRegion, status, expiringWithinDays,
                sort);
    }
}
