/**
 * Credit consumption: usage records sent by metering systems (the ingestion API), each filed
 * under the edition of its customer's plan on its day, and the daily and monthly roll-ups that
 * reports read, and the scheduled usage reports mailed to MSP administrators (through identity
 * and notifications). Customers tell it which plan a customer was on when, plans which edition a plan is.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "customers", "plans", "identity", "notifications"})
package org.mspportal.usage;
