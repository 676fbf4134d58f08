/**
 * The append-only audit log: who did what, when, from which address, on which object.
 * Records every {@link org.mspportal.shared.Auditable} event in the publishing transaction.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.mspportal.audit;
