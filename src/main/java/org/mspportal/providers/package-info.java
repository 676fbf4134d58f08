/**
 * The MSPs that use the portal: onboarding by the platform operator, suspension, and each MSP's
 * own security policy (whether its administrators must use an authenticator app).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.mspportal.providers;
