package org.mspportal.providers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An MSP was created. Its first administrators are invited by whoever manages administrators,
 * in the same transaction: if an invitation is refused, the MSP is not created either.
 */
public record ProviderOnboarded(UUID provider, String name, List<String> administratorEmails) implements ProviderEvent {

    @Override
    public String action() {
        return "provider.onboarded";
    }

    @Override
    public String summary() {
        return "Onboarded MSP " + name;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("administrators", administratorEmails);
    }
}
