/**
 * Demo mode: with the {@code demo} profile, the first start fills the embedded database with a
 * demo MSP, plans, 200 customers and a year of usage through the other modules' façades, and
 * prints a demo administrator's sign-in and an API key. Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "providers", "identity", "plans", "customers", "usage"})
package org.mspportal.demo;
