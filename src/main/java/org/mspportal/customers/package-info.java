/**
 * The MSP's customers (tenants): their account and service details, tenant type (evaluation,
 * commercial, the MSP's one sandbox), credit quota, licence expiry, storage region and status.
 * {@link org.mspportal.customers.CustomerManagement} is the façade; it tells the plans module how
 * many customers each plan has through {@link org.mspportal.plans.PlanUsage}.
 * {@link org.mspportal.customers.StorageRegionManagement} sets which of the deployment's storage
 * regions the MSP offers. When an MSP is onboarded ({@link org.mspportal.providers.ProviderOnboarded})
 * the module gives it its sandbox customer, in the same transaction. Tenant administrators
 * (of identity) are assigned to customers through {@link org.mspportal.customers.CustomerAssignments}
 * and reach only those; identity knows nothing of customers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "plans", "providers", "identity"})
package org.mspportal.customers;
