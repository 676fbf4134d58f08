/**
 * The MSP's customers (tenants): their account and service details, tenant type (evaluation,
 * commercial, the MSP's one sandbox), credit quota, licence expiry, storage region and status.
 * For now only the rules, as plain values; the management façade, storage and pages come next.
 * (Add "plans" to the allowed dependencies once that module is merged: Modulith refuses a name
 * it cannot find.)
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.mspportal.customers;
