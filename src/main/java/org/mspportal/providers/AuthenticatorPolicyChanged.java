package org.mspportal.providers;

import java.util.Map;
import java.util.UUID;

/** An MSP started or stopped requiring an authenticator app for all its administrators. */
public record AuthenticatorPolicyChanged(UUID provider, boolean required) implements ProviderEvent {

    @Override
    public String action() {
        return "provider.authenticator-policy-changed";
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
