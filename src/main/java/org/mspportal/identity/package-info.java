/**
 * Who may sign in and how: administrators and operators, activation and password links, the
 * three-step sign-in (email, password, emailed code or authenticator app), sessions and API keys.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "providers", "notifications"})
package org.mspportal.identity;
