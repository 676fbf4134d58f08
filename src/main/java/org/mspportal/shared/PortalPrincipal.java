package org.mspportal.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * What every module may know of the signed-in person. Implemented by the identity module's
 * principal; other modules read it through {@link ProviderScope} rather than the request.
 */
public interface PortalPrincipal {

    UUID accountId();

    String email();

    /** The MSP this person administers; empty for a platform operator. */
    Optional<UUID> providerId();
}
