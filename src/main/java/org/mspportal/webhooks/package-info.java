/**
 * Outbound webhooks: an MSP's HTTPS endpoints, the event types each subscribes to, signed
 * deliveries (Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}) queued in the transaction of the change that caused them and sent by a
 * background job with retries and backoff. Listens to {@link org.mspportal.alerts.AlertRaised} and
 * {@link org.mspportal.customers.CustomerChanged} and {@link org.mspportal.migration.MigrationStageChanged}; nobody depends on this module. It is not part of
 * notifications because alerts and customers depend on notifications (mail), so notifications
 * subscribing to their events would make a cycle.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "alerts", "customers", "migration"})
package org.mspportal.webhooks;
