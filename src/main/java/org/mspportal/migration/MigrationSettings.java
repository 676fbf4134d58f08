package org.mspportal.migration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.migration}: how long the MSP's verification token works (seed 004's 30 days; a later
 * edition of the original uses 72 hours).
 */
@ConfigurationProperties("portal.migration")
record MigrationSettings(@DefaultValue("P30D") Duration verificationTokenValidity) {

    MigrationSettings {
        if (verificationTokenValidity.isNegative() || verificationTokenValidity.isZero()) {
            throw new IllegalArgumentException("portal.migration.verification-token-validity must be positive");
        }
    }
}
