package org.mspportal.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mspportal.shared.NotFound;
import org.mspportal.shared.PortalPrincipal;
import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.RejectedInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An MSP's API keys: creating one (its secret is returned once and only its SHA-256 kept),
 * listing them and revoking them. Keys belong to the MSP, not to the administrator who created them.
 */
@Service
public class ApiKeyManagement {

    static final String KEY_START = "msp_";
    /** {@code msp_} and four random characters: enough to tell keys apart, far too little to guess one. */
    static final int PREFIX_LENGTH = KEY_START.length() + 4;
    static final int MAX_NAME_LENGTH = 100;

    private final ApiKeys keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiKeyManagement(ApiKeys keys, ApplicationEventPublisher events, Clock clock) {
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's MSP's keys, newest first, revoked ones included. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<ApiKey> list() {
        return keys.ofProvider(ownProvider());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public ApiKey get(UUID id) {
        return visible(id);
    }

    /**
     * Creates a key for the caller's MSP. Only an administrator signed in as a person may: a key
     * cannot create further keys.
     *
     * @return the key with its secret, which cannot be shown again
     * @throws RejectedInput for a missing or overlong name, a name an active key has, or no scope
     */
    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR')")
    public NewApiKey create(String name, Set<ApiKeyScope> scopes) {
        UUID provider = ownProvider();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw new RejectedInput("name", "Give the key a name, such as the integration that will use it.");
        }
        if (cleanName.length() > MAX_NAME_LENGTH) {
            throw new RejectedInput("name", "Use at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new RejectedInput("scopes", "Choose at least one scope.");
        }
        if (keys.activeNameTaken(provider, cleanName)) {
            throw new RejectedInput("name", "An active key is already called \"" + cleanName + "\". Choose another name.");
        }
        String secret = KEY_START + Secrets.token();
        ApiKey key = new ApiKey(UUID.randomUUID(), provider, cleanName, secret.substring(0, PREFIX_LENGTH),
                EnumSet.copyOf(scopes), currentPrincipal().accountId(), currentPrincipal().email(), clock.instant(),
                Optional.empty(), Optional.empty());
        keys.add(key, Secrets.sha256(secret));
        events.publishEvent(ApiKeyActivity.created(key));
        return new NewApiKey(key, secret);
    }

    /**
     * Revokes one of the caller's MSP's keys; requests with it are refused from now on. Revoking a
     * revoked key changes nothing. An MSP administrator may, and so may a key with the write scope.
     */
    @Transactional
    @PreAuthorize("hasRole('MSP_ADMINISTRATOR') or hasAuthority('SCOPE_write')")
    public ApiKey revoke(UUID id) {
        ApiKey key = visible(id);
        if (keys.revoke(id, clock.instant())) {
            events.publishEvent(ApiKeyActivity.revoked(key));
        }
        return visible(id);
    }

    /** The key, if it belongs to the caller's MSP; another MSP's id is simply not found. */
    private ApiKey visible(UUID id) {
        UUID own = ownProvider();
        return keys.find(id)
                .filter(key -> key.providerId().equals(own))
                .orElseThrow(() -> new NotFound("API key"));
    }

    private static UUID ownProvider() {
        return ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
    }

    private static PortalPrincipal currentPrincipal() {
        return (PortalPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }
}
