package org.mspportal.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MSP's API keys over the API: list, look up, revoke. Keys are created in the portal only, by
 * a person, so a leaked key cannot mint more keys. No response ever contains a key.
 */
@RestController
@Tag(name = "API keys", description = "The MSP's API keys")
@RequestMapping("/api/v1/api-keys")
class ApiKeyEndpoints {

    private final ApiKeyManagement management;

    ApiKeyEndpoints(ApiKeyManagement management) {
        this.management = management;
    }

    /** A key as the API shows it; {@code lastUsedAt} and {@code revokedAt} are left out while unset. */
    record ApiKeyResource(UUID id, String name, String prefix, List<String> scopes, String status,
            String createdBy, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

        static ApiKeyResource of(ApiKey key) {
            return new ApiKeyResource(key.id(), key.name(), key.prefix(),
                    key.scopes().stream().map(ApiKeyScope::value).toList(), key.active() ? "active" : "revoked",
                    key.createdByEmail(), key.createdAt(), key.lastUsedAt().orElse(null),
                    key.revokedAt().orElse(null));
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_read')")
    List<ApiKeyResource> list() {
        return management.list().stream().map(ApiKeyResource::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_read')")
    ApiKeyResource get(@PathVariable UUID id) {
        return ApiKeyResource.of(management.get(id));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('SCOPE_write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        management.revoke(id);
    }
}
