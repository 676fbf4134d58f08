package org.mspportal.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API key may be used for. Each scope is a Spring Security authority ({@code SCOPE_read},
 * {@code SCOPE_write}, {@code SCOPE_usage-ingest}), so API endpoints say which they need with
 * {@code @PreAuthorize("hasAuthority('SCOPE_write')")}. Scopes are independent: a write key does
 * not read unless it also has {@link #READ}.
 */
public enum ApiKeyScope {
    READ("read", "Read", "Look up customers, plans, usage and reports."),
    WRITE("write", "Write", "Create, change and remove things, such as revoking API keys."),
    USAGE_INGEST("usage-ingest", "Usage ingest", "Send usage records, for metering integrations.");

    private final String value;
    private final String label;
    private final String description;

    ApiKeyScope(String value, String label, String description) {
        this.value = value;
        this.label = label;
        this.description = description;
    }

    /** The scope's name in the API and in storage, e.g. {@code usage-ingest}. */
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String authority() {
        return "SCOPE_" + value;
    }

    static Optional<ApiKeyScope> ofValue(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
