/**
 * Who may sign in and how: administrators, operators, the sign-in steps and sessions.
 * The foundation provides the sign-in page and form; the two-factor flow builds on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.mspportal.identity;
