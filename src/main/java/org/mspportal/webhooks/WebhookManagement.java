package org.mspportal.webhooks;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mspportal.shared.NotFound;
import org.mspportal.shared.ProviderScope;
import org.mspportal.shared.RejectedInput;
import org.mspportal.shared.StaleVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's MSP's webhook endpoints and their deliveries. MSP administrators, read-only
 * administrators and API keys with the read scope see them; only MSP administrators and keys with the
 * write scope change them, rotate secrets, send test events or redeliver. Another MSP's endpoint is a {@link NotFound}. Every change is audited.
 */
@Service
public class WebhookManagement {

    static final String READERS = "hasAnyRole('MSP_ADMINISTRATOR', 'READ_ONLY_ADMINISTRATOR') or hasAuthority('SCOPE_read')";
    static final String WRITERS = "hasRole('MSP_ADMINISTRATOR') or hasAuthority('SCOPE_write')";
    static final int MAX_DESCRIPTION_LENGTH = 500;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookOutbox outbox;
    private final SigningSecrets secrets;
    private final WebhookSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WebhookManagement(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookOutbox outbox,
            SigningSecrets secrets, WebhookSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.secrets = secrets;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** The MSP's endpoints, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<WebhookEndpoint> list() {
        return endpoints.ofProvider(ownProvider()).stream().map(WebhookEndpoints.Stored::shown).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public WebhookEndpoint get(UUID id) {
        return visible(id).shown();
    }

    /**
     * Registers an endpoint with a new signing secret, returned this once.
     *
     * @throws RejectedInput naming the field at fault
     */
    @Transactional
    @PreAuthorize(WRITERS)
    public NewSigningSecret register(WebhookEndpointDetails details) {
        WebhookEndpointDetails clean = checked(details);
        byte[] secret = SigningSecrets.generate();
        WebhookEndpoints.Stored endpoint = new WebhookEndpoints.Stored(UUID.randomUUID(), ownProvider(), clean.url(),
                clean.description(), clean.eventTypes(), clean.enabled(), secrets.encrypt(secret), Optional.empty(),
                clock.instant(), 0);
        endpoints.add(endpoint);
        events.publishEvent(WebhookEndpointChanged.registered(endpoint));
        return new NewSigningSecret(endpoint.shown(), SigningSecrets.shown(secret));
    }

    /**
     * Changes an endpoint's address, description, event types and whether it is enabled.
     *
     * @throws StaleVersion when the endpoint changed since the caller read {@code version}
     */
    @Transactional
    @PreAuthorize(WRITERS)
    public WebhookEndpoint change(UUID id, WebhookEndpointDetails details, int version) {
        WebhookEndpoints.Stored before = visible(id);
        WebhookEndpointDetails clean = checked(details);
        if (!endpoints.update(id, version, clean)) {
            throw new StaleVersion("webhook endpoint");
        }
        WebhookEndpoints.Stored after = visible(id);
        events.publishEvent(WebhookEndpointChanged.updated(before, after));
        return after.shown();
    }

    /** Deletes the endpoint and its deliveries; nothing more is sent to it. */
    @Transactional
    @PreAuthorize(WRITERS)
    public WebhookEndpoint delete(UUID id) {
        WebhookEndpoints.Stored endpoint = visible(id);
        endpoints.delete(id);
        events.publishEvent(WebhookEndpointChanged.deleted(endpoint));
        return endpoint.shown();
    }

    /** Replaces the signing secret at once (every later attempt is signed with the new one), returned this once. */
    @Transactional
    @PreAuthorize(WRITERS)
    public NewSigningSecret rotateSecret(UUID id) {
        WebhookEndpoints.Stored endpoint = visible(id);
        byte[] secret = SigningSecrets.generate();
        endpoints.replaceSecret(id, secrets.encrypt(secret), clock.instant());
        events.publishEvent(WebhookEndpointChanged.secretRotated(endpoint));
        return new NewSigningSecret(visible(id).shown(), SigningSecrets.shown(secret));
    }

    /** Queues a {@code webhook.test} message for this endpoint alone, sent with the next run of the sender. */
    @Transactional
    @PreAuthorize(WRITERS)
    public void sendTest(UUID id) {
        WebhookEndpoints.Stored endpoint = visible(id);
        outbox.publishTest(endpoint);
        events.publishEvent(WebhookEndpointChanged.testSent(endpoint));
    }

    /** One page of the endpoint's deliveries, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Page<WebhookDelivery> deliveries(UUID endpointId, Pageable page) {
        visible(endpointId);
        return new PageImpl<>(deliveries.ofEndpoint(endpointId, (int) page.getOffset(), page.getPageSize()), page,
                deliveries.countOf(endpointId));
    }

    /** Queues a delivery again, due now, with a fresh round of attempts: the same message id and body. */
    @Transactional
    @PreAuthorize(WRITERS)
    public WebhookDelivery redeliver(UUID endpointId, UUID deliveryId) {
        WebhookEndpoints.Stored endpoint = visible(endpointId);
        WebhookDelivery delivery = deliveries.find(endpointId, deliveryId)
                .orElseThrow(() -> new NotFound("webhook delivery"));
        deliveries.redeliver(deliveryId, clock.instant());
        events.publishEvent(WebhookEndpointChanged.redelivered(endpoint, delivery));
        return delivery;
    }

    private WebhookEndpointDetails checked(WebhookEndpointDetails details) {
        String url = EndpointUrl.checked(details.url(), settings.allowPlainHttpToLoopback());
        if (!settings.allowPrivateAddresses()) {
            PrivateAddresses.refuseTyped(url);
        }
        String description = details.description() == null ? "" : details.description().strip();
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new RejectedInput("description", "Use at most " + MAX_DESCRIPTION_LENGTH + " characters.");
        }
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        if (details.eventTypes() != null) {
            types.addAll(details.eventTypes());
        }
        types.retainAll(WebhookEventType.subscribable());
        if (types.isEmpty()) {
            throw new RejectedInput("eventTypes", "Choose at least one event type.");
        }
        return new WebhookEndpointDetails(url, description, types, details.enabled());
    }

    /** The endpoint, if it belongs to the caller's MSP; another MSP's id is simply not found. */
    private WebhookEndpoints.Stored visible(UUID id) {
        UUID own = ownProvider();
        return endpoints.find(id).filter(endpoint -> endpoint.providerId().equals(own))
                .orElseThrow(() -> new NotFound("webhook endpoint"));
    }

    private static UUID ownProvider() {
        return ProviderScope.current().providerId().orElseThrow(() -> new NotFound("MSP"));
    }
}
