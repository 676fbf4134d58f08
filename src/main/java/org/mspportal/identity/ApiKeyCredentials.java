package org.mspportal.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.mspportal.providers.Provider;
import org.mspportal.providers.ProviderManagement;
import org.springframework.stereotype.Component;

/**
 * Checks a presented API key. The key is looked up by its SHA-256, so the comparison happens on a
 * fingerprint of 256 random bits and timing reveals nothing useful about stored keys.
 */
@Component
class ApiKeyCredentials {

    /** {@code msp_} and 43 base64url characters (256 bits). */
    private static final Pattern WELL_FORMED = Pattern.compile("msp_[A-Za-z0-9_-]{43}");
    /** Last-used time is kept to the minute, so a busy integration does not write on every request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiKeys keys;
    private final ProviderManagement providers;
    private final Clock clock;

    ApiKeyCredentials(ApiKeys keys, ProviderManagement providers, Clock clock) {
        this.keys = keys;
        this.providers = providers;
        this.clock = clock;
    }

    /**
     * The principal the key stands for, and a note of its use; empty for anything malformed, unknown
     * or revoked, and for the keys of a suspended MSP.
     */
    Optional<ApiKeyPrincipal> authenticate(String presented) {
        if (presented == null || !WELL_FORMED.matcher(presented).matches()) {
            return Optional.empty();
        }
        Optional<ApiKey> key = keys.findByHash(Secrets.sha256(presented))
                .filter(ApiKey::active)
                .filter(found -> providers.find(found.providerId()).map(Provider::active).orElse(false));
        key.ifPresent(this::recordUse);
        return key.map(ApiKeyPrincipal::of);
    }

    private void recordUse(ApiKey key) {
        Instant now = clock.instant();
        Instant notBefore = now.minus(LAST_USED_PRECISION);
        if (key.lastUsedAt().map(last -> last.isBefore(notBefore)).orElse(true)) {
            keys.recordUse(key.id(), now, notBefore);
        }
    }
}
