package org.mspportal.alerts;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/** An MSP administrator changed the MSP's alert thresholds: audited with the values before and after. */
public record AlertSettingsChanged(UUID provider, Map<String, Object> details) implements Auditable {

    static AlertSettingsChanged of(UUID provider, AlertSettings before, AlertSettings after) {
        return new AlertSettingsChanged(provider, Map.of("before", values(before), "after", values(after)));
    }

    private static Map<String, Object> values(AlertSettings settings) {
        return Map.of("warningPercent", settings.warningPercent(), "criticalPercent", settings.criticalPercent(),
                "exhaustedPercent", settings.exhaustedPercent(), "reminderDays", settings.reminderDays());
    }

    @Override
    public String action() {
        return "alert-settings.updated";
    }

    @Override
    public String objectType() {
        return "alert-settings";
    }

    @Override
    public String objectId() {
        return provider.toString();
    }

    @Override
    public Optional<UUID> providerId() {
        return Optional.of(provider);
    }

    @Override
    public String summary() {
        return "Changed the alert thresholds";
    }
}
