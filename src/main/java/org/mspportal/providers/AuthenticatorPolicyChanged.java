package org.mspportal.providers;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/** An MSP started or stopped requiring an authenticator app for all its administrators. */
public record AuthenticatorPolicyChanged(UUID provider, boolean required) implements Auditable {

    @Override
    public String action() {
        return "provider.authenticator-policy-changed";
    }

    @Override
    public String objectType() {
        return "provider";
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
        return required ? "Required an authenticator app for all administrators"
                : "Allowed emailed sign-in codes again";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("required", required);
    }
}
