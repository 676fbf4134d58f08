/**
 * Outgoing email: an outbox written in the caller's transaction, a background sender with
 * retries, HTML and plain-text templates, and the development mailbox when no SMTP is set.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.mspportal.notifications;
