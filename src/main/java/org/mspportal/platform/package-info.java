/**
 * The web shell and cross-cutting runtime: security filter chains and headers, error handling,
 * layout model, clock and scheduling. It knows no module's URLs; modules contribute them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.mspportal.platform;
