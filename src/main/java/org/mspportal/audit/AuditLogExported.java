package org.mspportal.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.mspportal.shared.Auditable;

/** The audit log (or a filtered part of it) was exported. */
record AuditLogExported(Optional<UUID> providerId, AuditQuery query) implements Auditable {

    @Override
    public String action() {
        return "audit-log.exported";
    }

    @Override
    public String objectType() {
        return "audit-log";
    }

    @Override
    public String objectId() {
        return providerId.map(UUID::toString).orElse("all");
    }

    @Override
    public String summary() {
        return "Exported the audit log as CSV";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> filters = new LinkedHashMap<>();
        putIfPresent(filters, "actor", query.actor());
        putIfPresent(filters, "action", query.action());
        putIfPresent(filters, "objectType", query.objectType());
        putIfPresent(filters, "objectId", query.objectId());
        putIfPresent(filters, "from", query.from());
        putIfPresent(filters, "to", query.to());
        return Map.of("filters", filters);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            map.put(key, value.toString());
        }
    }
}
