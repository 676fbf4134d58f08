package org.mspportal.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mspportal.shared.IdempotentRequests;
import org.mspportal.shared.NotFound;
import org.mspportal.shared.RejectedInput;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Webhook endpoints in the REST API. Event types are sent by the names receivers see
 * ({@code alert.raised}, {@code customer.changed}). The signing secret is in the answer to a create
 * or a rotation only; a create replayed through its {@code Idempotency-Key} answers without it,
 * because stored answers must hold no secret (rotate it if the first answer was lost).
 */
@RestController
@Tag(name = "Webhooks", description = "The MSP's webhook endpoints and their deliveries")
@RequestMapping("/api/v1/webhooks")
class WebhookApi {

    private static final int MAX_PAGE_SIZE = 200;

    private final WebhookManagement webhooks;
    private final IdempotentRequests idempotency;

    WebhookApi(WebhookManagement webhooks, IdempotentRequests idempotency) {
        this.webhooks = webhooks;
        this.idempotency = idempotency;
    }

    /** The body of a create, and of a merge patch, where an absent field keeps its value. */
    record EndpointBody(String url, String description, List<String> eventTypes, Boolean enabled, Integer version) {
    }

    /** An endpoint as the API shows it; {@code signingSecret} only in the answer that made it. */
    record EndpointJson(UUID id, String url, String description, List<String> eventTypes, boolean enabled,
            Instant createdAt, Instant secretRotatedAt, int version, String signingSecret) {

        static EndpointJson of(WebhookEndpoint endpoint) {
            return withSecret(endpoint, null);
        }

        static EndpointJson withSecret(WebhookEndpoint endpoint, String secret) {
            return new EndpointJson(endpoint.id(), endpoint.url(), endpoint.description(),
                    endpoint.eventTypes().stream().sorted().map(WebhookEventType::typeName).toList(),
                    endpoint.enabled(), endpoint.createdAt(), endpoint.secretRotatedAt().orElse(null),
                    endpoint.version(), secret);
        }
    }

    record DeliveryPage(List<WebhookDelivery> items, int page, int size, long totalItems, int totalPages) {
    }

    @GetMapping
    @Operation(summary = "The MSP's webhook endpoints, oldest first")
    List<EndpointJson> list() {
        return webhooks.list().stream().map(EndpointJson::of).toList();
    }

    @GetMapping("/{id}")
    EndpointJson get(@PathVariable UUID id) {
        return EndpointJson.of(webhooks.get(id));
    }

    @PostMapping
    @Operation(summary = "Registers an endpoint; the answer carries its signing secret, this once")
    ResponseEntity<?> create(@RequestBody EndpointBody body,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) Optional<String> key) {
        AtomicReference<NewSigningSecret> madeNow = new AtomicReference<>();
        ResponseEntity<?> answer = idempotency.once(key, "POST /api/v1/webhooks", body, () -> {
            NewSigningSecret created = webhooks.register(new WebhookEndpointDetails(body.url(), body.description(),
                    types(body.eventTypes()), body.enabled() == null || body.enabled()));
            madeNow.set(created);
            return ResponseEntity.created(location(created.endpoint())).body(EndpointJson.of(created.endpoint()));
        });
        NewSigningSecret created = madeNow.get();
        return created == null ? answer : ResponseEntity.created(location(created.endpoint()))
                .body(EndpointJson.withSecret(created.endpoint(), created.secret()));
    }

    /** Changes the fields sent; {@code version} is required, so a change made meanwhile gives 409. */
    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    EndpointJson update(@PathVariable UUID id, @RequestBody EndpointBody body) {
        if (body.version() == null) {
            throw new RejectedInput("version", "Send the version you based the change on.");
        }
        WebhookEndpoint current = webhooks.get(id);
        return EndpointJson.of(webhooks.change(id, new WebhookEndpointDetails(
                body.url() == null ? current.url() : body.url(),
                body.description() == null ? current.description() : body.description(),
                body.eventTypes() == null ? current.eventTypes() : types(body.eventTypes()),
                body.enabled() == null ? current.enabled() : body.enabled()), body.version()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "Replaces the signing secret at once; the answer carries the new one, this once")
    EndpointJson rotateSecret(@PathVariable UUID id) {
        NewSigningSecret rotated = webhooks.rotateSecret(id);
        return EndpointJson.withSecret(rotated.endpoint(), rotated.secret());
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The endpoint's deliveries, newest first, with the outcome of their last attempt")
    DeliveryPage deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page<WebhookDelivery> found = webhooks.deliveries(id,
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE)));
        return new DeliveryPage(found.getContent(), found.getNumber(), found.getSize(), found.getTotalElements(),
                found.getTotalPages());
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Queues a delivery again, due now, with the same webhook-id and body")
    ResponseEntity<Void> redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        webhooks.redeliver(id, deliveryId);
        return ResponseEntity.accepted().build();
    }

    /** Something that is not an id names no endpoint: the same 404 as another MSP's id. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail malformedId() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, new NotFound("webhook endpoint").getMessage() + ".");
    }

    private static URI location(WebhookEndpoint endpoint) {
        return URI.create("/api/v1/webhooks/" + endpoint.id());
    }

    private static Set<WebhookEventType> types(List<String> names) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String name : names == null ? List.<String>of() : names) {
            types.add(WebhookEventType.named(name == null ? "" : name.strip())
                    .filter(WebhookEventType.subscribable()::contains)
                    .orElseThrow(() -> new RejectedInput("eventTypes", "Unknown event type \"" + name + "\". Use "
                            + WebhookEventType.subscribable().stream().map(WebhookEventType::typeName)
                                    .collect(Collectors.joining(" or ")) + ".")));
        }
        return types;
    }
}
