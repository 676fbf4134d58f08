package org.mspportal.customers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * The handover tokens: JWTs signed with HS256 under the key shared with the tenant console, so
 * any JWT library there can check them. Without a configured key (only allowed with the
 * development stand-in) a random key is made at start-up.
 */
@Component
class TenantConsoleTokens {

    static final String AUDIENCE = "tenant-console";
    private static final int MINIMUM_KEY_BYTES = 32;

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Duration lifetime;

    TenantConsoleTokens(TenantConsoleSettings settings, Clock clock) {
        SecretKey key = new SecretKeySpec(keyBytes(settings.signingKey()), "HmacSHA256");
        this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtAudienceValidator(AUDIENCE)));
        this.lifetime = settings.tokenLifetime();
    }

    /** What a token says: which tenant, for whom, from which MSP. */
    record Handover(String issuer, UUID customerId, String tenantName, UUID providerId, String administrator,
            String role) {
    }

    /** A signed token for the handover, valid from {@code now} for the configured lifetime. */
    Jwt mint(Handover handover, Instant now) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(handover.issuer())
                .audience(List.of(AUDIENCE))
                .subject(handover.customerId().toString())
                .claim("tenant_name", handover.tenantName())
                .claim("msp", handover.providerId().toString())
                .claim("admin", handover.administrator())
                .claim("role", handover.role())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(lifetime))
                .id(UUID.randomUUID().toString())
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims));
    }

    /**
     * The token's claims if it carries this key's signature, is meant for the console and is
     * still valid.
     *
     * @throws JwtException otherwise
     */
    Jwt verify(String token) {
        return decoder.decode(token);
    }

    private static byte[] keyBytes(String configured) {
        if (configured == null || configured.isBlank()) {
            byte[] random = new byte[MINIMUM_KEY_BYTES];
            new SecureRandom().nextBytes(random);
            return random;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("portal.tenant-console.signing-key must be Base64", notBase64);
        }
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("portal.tenant-console.signing-key must hold at least "
                    + MINIMUM_KEY_BYTES + " bytes (HS256); it holds " + key.length);
        }
        return key;
    }
}
