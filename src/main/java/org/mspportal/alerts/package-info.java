/**
 * Alerts: quota alerts raised as usage arrives (after each stored batch, {@link org.mspportal.usage.UsageIngested}),
 * licence expiry reminders sent by a daily job, each at most once per customer, threshold and
 * window; thresholds per MSP; an email to the MSP's active administrators and a notice on the
 * Alerts page. Every alert announced is published as {@link org.mspportal.alerts.AlertRaised},
 * for later subscribers such as webhooks.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "usage", "customers", "identity", "notifications"})
package org.mspportal.alerts;
