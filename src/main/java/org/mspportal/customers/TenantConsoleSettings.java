package org.mspportal.customers;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where "Access tenant console" hands an administrator over to, from {@code portal.tenant-console}.
 * Without a URL the portal's development stand-in ({@link DevTenantConsolePages}) receives the
 * handover, so a first run shows the whole journey.
 *
 * @param url the console's handover address; the signed token is added as {@code ?token=}
 * @param signingKey Base64 of at least 32 bytes shared with the console; required with a URL
 * @param tokenLifetime how long a handover token is accepted: long enough to follow a redirect
 */
@ConfigurationProperties("portal.tenant-console")
record TenantConsoleSettings(URI url, String signingKey, Duration tokenLifetime) {

    private static final Duration LONGEST_LIFETIME = Duration.ofMinutes(5);

    TenantConsoleSettings {
        tokenLifetime = tokenLifetime == null ? Duration.ofSeconds(60) : tokenLifetime;
        if (tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.compareTo(LONGEST_LIFETIME) > 0) {
            throw new IllegalArgumentException("portal.tenant-console.token-lifetime must be above 0 and at most "
                    + LONGEST_LIFETIME.toMinutes() + " minutes: the token only carries a redirect");
        }
        if (url != null && (signingKey == null || signingKey.isBlank())) {
            throw new IllegalArgumentException("portal.tenant-console.signing-key is required with "
                    + "portal.tenant-console.url: the console needs the key to verify the handover");
        }
    }

    boolean usesDevStandIn() {
        return url == null;
    }
}
