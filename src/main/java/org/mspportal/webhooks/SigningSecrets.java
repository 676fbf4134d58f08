package org.mspportal.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.mspportal.shared.Sha256;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * The endpoints' signing secrets: 256 random bits, shown to the MSP as {@code whsec_<Base64>}
 * (Standard Webhooks), stored encrypted with AES-GCM under {@code portal.webhooks.secret-key}.
 * Unlike API keys they cannot be kept as a hash only: the portal signs every delivery with them.
 */
@Component
class SigningSecrets {

    static final String PREFIX = "whsec_";
    private static final Logger log = LoggerFactory.getLogger(SigningSecrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Known to anyone who reads this code: fine for a laptop, never for production. */
    private static final String DEVELOPMENT_KEY_SEED = "msp-portal development webhook secret key";

    private final BytesEncryptor encryptor;

    SigningSecrets(WebhookSettings settings) {
        this.encryptor = new AesBytesEncryptor(new SecretKeySpec(key(settings.secretKey()), "AES"),
                KeyGenerators.secureRandom(16), AesBytesEncryptor.CipherAlgorithm.GCM);
    }

    private static byte[] key(String configured) {
        if (configured == null || configured.isBlank()) {
            log.warn("portal.webhooks.secret-key is not set: webhook signing secrets are encrypted with a fixed "
                    + "development key. Set it to Base64 of 32 random bytes in production (e.g. openssl rand -base64 32).");
            return Sha256.of(DEVELOPMENT_KEY_SEED);
        }
        byte[] key = Base64.getDecoder().decode(configured.strip());
        if (key.length != 32) {
            throw new IllegalStateException("portal.webhooks.secret-key must be Base64 of 32 bytes, not " + key.length);
        }
        return key;
    }

    /** A new secret's 32 random bytes. */
    static byte[] generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** How the MSP sees a secret, once: {@code whsec_} and its Base64. */
    static String shown(byte[] secret) {
        return PREFIX + Base64.getEncoder().encodeToString(secret);
    }

    String encrypt(byte[] secret) {
        return Base64.getEncoder().encodeToString(encryptor.encrypt(secret));
    }

    byte[] decrypt(String stored) {
        return encryptor.decrypt(Base64.getDecoder().decode(stored));
    }
}
