package org.mspportal.customers;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.mspportal.shared.RejectedInput;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox customer each MSP gets when it is onboarded ({@code portal.sandbox}): its credit
 * quota, small and fixed, since the sandbox is for trying the service out, not for real backups.
 * An amount no customer could have stops the start-up.
 */
@ConfigurationProperties("portal.sandbox")
record SandboxSettings(@DefaultValue("1") BigDecimal creditQuota) {

    SandboxSettings {
        try {
            // The amount must obey the rules of every quota; the dates here are only placeholders.
            creditQuota = new CreditQuota(creditQuota, LocalDate.EPOCH, LocalDate.EPOCH.plusDays(1)).credits();
        } catch (RejectedInput invalid) {
            throw new IllegalArgumentException("portal.sandbox.credit-quota: " + invalid.getMessage());
        }
    }
}
